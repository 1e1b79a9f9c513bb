package bench

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/newsgraph/kg/consumers"
)

// worker is a kg worker process the bench started.
type worker struct {
	cmd       *exec.Cmd
	addr      string // metrics and health
	pprofAddr string
	done      chan error
	stopOnce  sync.Once
}

// startWorker starts a kg worker on the bench's topics and group, with the
// runtime settings deploy/ gives it (workerRuntimeEnv), pinned as the
// layout says.
func (b *run) startWorker() (*worker, error) {
	if len(b.svc.Worker) == 0 {
		return nil, fmt.Errorf("no worker command")
	}
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	pprofAddr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(b.svc.Worker[0], b.svc.Worker[1:]...)
	cmd.Env = append(os.Environ(), "KG_ARTICLES_TOPIC="+b.topics.articles, "KG_EVENTS_TOPIC="+b.topics.events,
		"KG_KAFKA_GROUP_ID="+b.topics.group, "KG_HTTP_ADDR="+addr, "KG_LOG_LEVEL=warn", "KG_PPROF=true", "KG_PPROF_ADDR="+pprofAddr)
	cmd.Env = append(cmd.Env, workerRuntimeEnv(os.Getenv("GODEBUG"))...)
	cmd.Stdout, cmd.Stderr = b.svc.Progress, b.svc.Progress
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	w := &worker{cmd: cmd, addr: addr, pprofAddr: pprofAddr, done: make(chan error, 1)}
	go func() { w.done <- cmd.Wait() }()
	if err := b.lay.pinChild(cmd.Process.Pid); err != nil {
		w.stop()
		return nil, err
	}
	return w, nil
}

// workerRuntimeEnv is the Go runtime's settings for the worker as deploy/
// gives them: GOMEMLIMIT, and consumers.WorkerGODEBUG after the settings of
// godebug, the bench's own GODEBUG.
func workerRuntimeEnv(godebug string) []string {
	limit := 64 << 20 // GOMEMLIMIT as deploy/ sets it
	if godebug != "" {
		godebug += ","
	}
	return []string{"GOMEMLIMIT=" + strconv.Itoa(limit), "GODEBUG=" + godebug + consumers.WorkerGODEBUG}
}

// freeAddr is a loopback address no one listens on now.
func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

// stop ends the worker with SIGTERM, or kills it when it has not finished
// within a minute. Calls after the first do nothing.
func (w *worker) stop() {
	w.stopOnce.Do(func() {
		w.cmd.Process.Signal(syscall.SIGTERM) // an error means it has exited: done says so
		select {
		case <-w.done:
		case <-time.After(time.Minute):
			w.cmd.Process.Kill()
		}
	})
}

// exited returns the worker's exit as an error when it has exited.
func (w *worker) exited() error {
	select {
	case err := <-w.done:
		w.done <- err // for stop
		return fmt.Errorf("worker exited: %v", err)
	default:
		return nil
	}
}

// peakRSS is the worker's high-water resident set size, or -1 when /proc
// does not say.
func (w *worker) peakRSS() int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", w.cmd.Process.Pid))
	if err != nil {
		return -1
	}
	return parseVmHWM(string(b))
}

// parseVmHWM reads VmHWM, in bytes, from the text of /proc/<pid>/status;
// -1 when it has none.
func parseVmHWM(status string) int64 {
	for _, line := range strings.Split(status, "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			f := strings.Fields(line)
			if len(f) < 2 {
				return -1
			}
			kb, err := strconv.ParseInt(f[1], 10, 64)
			if err != nil {
				return -1
			}
			return kb << 10
		}
	}
	return -1
}

// waitLag waits until the worker's group has no lag on topic.
func (b *run) waitLag(ctx context.Context, topic string, w *worker) error {
	for {
		if err := w.exited(); err != nil {
			return err
		}
		lag, err := consumers.Lag(ctx, b.svc.KafkaBrokers, b.svc.Kafka, b.topics.group, topic)
		if err == nil && lag == 0 {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// waitJoined waits until the worker has joined its consumer group.
func (b *run) waitJoined(ctx context.Context, w *worker) error {
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		if err := w.exited(); err != nil {
			return err
		}
		if ok, err := consumers.GroupStable(ctx, b.svc.KafkaBrokers, b.svc.Kafka, b.topics.group); err == nil && ok {
			return nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return fmt.Errorf("the worker did not join group %s in 2 minutes", b.topics.group)
}

// waitReady waits until the worker at addr answers /readyz with 200.
func waitReady(addr string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		resp, err := http.Get("http://" + addr + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	return fmt.Errorf("worker not ready after %s", timeout)
}

// saveProfile saves a profile of the worker at addr over the next d: kind
// "profile" for its CPU, "allocs" for what it allocated.
func saveProfile(addr, kind, path string, d time.Duration) error {
	var resp *http.Response
	var err error
	for range 100 { // the worker serves HTTP once Neo4j answers
		resp, err = http.Get(fmt.Sprintf("http://%s/debug/pprof/%s?seconds=%d", addr, kind, int(d.Seconds())))
		if err == nil {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, resp.Body); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
