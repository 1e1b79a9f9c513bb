package bench

import (
	"fmt"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// The bench gives Neo4j CPUs of its own: on a machine whose cores Kafka,
// the worker, the publisher and Neo4j share, the figures measure who won
// the scheduler as much as what the writes cost. Pinning Neo4j to some
// CPUs and everything else to the others is what a deployment with Neo4j
// on its own machine (or a cpuset) does, on one machine.

// parseCPUList reads a CPU list as the kernel writes one ("0-3,6,8-9").
// The result is sorted and without repeats.
func parseCPUList(s string) ([]int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, fmt.Errorf("empty cpu list")
	}
	seen := make(map[int]bool)
	for _, part := range strings.Split(s, ",") {
		lo, hi, isRange := strings.Cut(strings.TrimSpace(part), "-")
		a, err := strconv.Atoi(lo)
		if err != nil || a < 0 {
			return nil, fmt.Errorf("cpu list %q: %q is not a cpu number", s, lo)
		}
		b := a
		if isRange {
			if b, err = strconv.Atoi(hi); err != nil || b < a {
				return nil, fmt.Errorf("cpu list %q: bad range %q", s, part)
			}
		}
		if b >= 1024 {
			return nil, fmt.Errorf("cpu list %q: cpu %d out of range", s, b)
		}
		for c := a; c <= b; c++ {
			seen[c] = true
		}
	}
	out := make([]int, 0, len(seen))
	for c := range seen {
		out = append(out, c)
	}
	sort.Ints(out)
	return out, nil
}

// formatCPUList writes sorted CPUs as the kernel does: runs as ranges.
func formatCPUList(cpus []int) string {
	var parts []string
	for i := 0; i < len(cpus); {
		j := i
		for j+1 < len(cpus) && cpus[j+1] == cpus[j]+1 {
			j++
		}
		if j == i {
			parts = append(parts, strconv.Itoa(cpus[i]))
		} else {
			parts = append(parts, fmt.Sprintf("%d-%d", cpus[i], cpus[j]))
		}
		i = j + 1
	}
	return strings.Join(parts, ",")
}

// splitCPUs divides the CPUs the bench may use between Neo4j and the rest.
// want, when not empty, names Neo4j's CPUs, which must be among all and
// leave at least one; otherwise Neo4j gets the upper half (one of two).
func splitCPUs(all []int, want string) (neo4j, rest []int, err error) {
	if len(all) < 2 {
		return nil, nil, fmt.Errorf("%d cpus: nothing to split", len(all))
	}
	if want == "" {
		half := len(all) / 2
		return slices.Clone(all[half:]), slices.Clone(all[:half]), nil
	}
	if neo4j, err = parseCPUList(want); err != nil {
		return nil, nil, err
	}
	for _, c := range neo4j {
		if !slices.Contains(all, c) {
			return nil, nil, fmt.Errorf("--neo4j-cpus: cpu %d is not available (have %s)", c, formatCPUList(all))
		}
	}
	for _, c := range all {
		if !slices.Contains(neo4j, c) {
			rest = append(rest, c)
		}
	}
	if len(rest) == 0 {
		return nil, nil, fmt.Errorf("--neo4j-cpus %s leaves no cpu for the rest", want)
	}
	return neo4j, rest, nil
}

// clockTicks is USER_HZ, the unit of the CPU times in /proc/<pid>/stat:
// 100 on every Linux architecture Go supports.
const clockTicks = 100

// parseStatCPU reads utime+stime, in seconds, from the text of
// /proc/<pid>/stat. The command name (field 2) may hold spaces and
// parentheses, so fields are counted from the last ')'.
func parseStatCPU(stat string) (float64, error) {
	i := strings.LastIndexByte(stat, ')')
	if i < 0 {
		return 0, fmt.Errorf("stat: no command name")
	}
	f := strings.Fields(stat[i+1:])
	// f[0] is field 3 (state); utime and stime are fields 14 and 15.
	if len(f) < 13 {
		return 0, fmt.Errorf("stat: %d fields after the command name", len(f))
	}
	utime, err1 := strconv.ParseUint(f[11], 10, 64)
	stime, err2 := strconv.ParseUint(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, fmt.Errorf("stat: utime %q, stime %q", f[11], f[12])
	}
	return float64(utime+stime) / clockTicks, nil
}

// procCPU is the CPU time, in seconds, that process pid has used.
func procCPU(pid int) (float64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	return parseStatCPU(string(b))
}

// pidFile reads the pid deploy/local/services wrote for a service and
// checks that the process is alive.
func pidFile(path string) (int, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || pid <= 0 {
		return 0, fmt.Errorf("%s: not a pid", path)
	}
	if _, err := os.Stat(fmt.Sprintf("/proc/%d", pid)); err != nil {
		return 0, fmt.Errorf("%s: process %d is not running", path, pid)
	}
	return pid, nil
}

// localHost reports whether a Neo4j URI names this machine.
func localHost(uri string) bool {
	u, err := url.Parse(uri)
	if err != nil {
		return false
	}
	switch u.Hostname() {
	case "127.0.0.1", "localhost", "::1":
		return true
	}
	return false
}

// affinity is a process's CPU mask as it was before pinning, per thread.
type affinity struct {
	pid   int
	masks map[int]unix.CPUSet
}

// pin sets the CPU affinity of every thread of pid (what taskset -a does)
// and returns the masks they had, for restore. Threads started later
// inherit the mask of the thread that starts them.
func pin(pid int, cpus []int) (affinity, error) {
	old := affinity{pid: pid, masks: make(map[int]unix.CPUSet)}
	var set unix.CPUSet
	set.Zero()
	for _, c := range cpus {
		set.Set(c)
	}
	tasks, err := filepath.Glob(fmt.Sprintf("/proc/%d/task/*", pid))
	if err != nil || len(tasks) == 0 {
		return old, fmt.Errorf("threads of %d: none found", pid)
	}
	for _, t := range tasks {
		tid, err := strconv.Atoi(filepath.Base(t))
		if err != nil {
			continue
		}
		var was unix.CPUSet
		if unix.SchedGetaffinity(tid, &was) != nil {
			continue // the thread ended
		}
		if err := unix.SchedSetaffinity(tid, &set); err != nil {
			if _, gone := os.Stat(t); gone != nil {
				continue
			}
			return old, fmt.Errorf("pin thread %d of %d to %s: %w", tid, pid, formatCPUList(cpus), err)
		}
		old.masks[tid] = was
	}
	return old, nil
}

// restore gives the threads pinned their masks back; threads started since
// get the mask the process's main thread had.
func (a affinity) restore() {
	main, ok := a.masks[a.pid]
	tasks, _ := filepath.Glob(fmt.Sprintf("/proc/%d/task/*", a.pid))
	for _, t := range tasks {
		tid, err := strconv.Atoi(filepath.Base(t))
		if err != nil {
			continue
		}
		if m, had := a.masks[tid]; had {
			unix.SchedSetaffinity(tid, &m)
		} else if ok {
			unix.SchedSetaffinity(tid, &main)
		}
	}
}

// availableCPUs are the CPUs this process may run on.
func availableCPUs() ([]int, error) {
	var set unix.CPUSet
	if err := unix.SchedGetaffinity(0, &set); err != nil {
		return nil, err
	}
	var out []int
	for c := 0; c < 1024; c++ {
		if set.IsSet(c) {
			out = append(out, c)
		}
	}
	return out, nil
}

// layout is where the bench's processes run, and how it reads
// Neo4j's CPU time.
type layout struct {
	neo4jPid, kafkaPid  int // 0 when not found (not local, or no pid file)
	neo4jCPUs, restCPUs []int
	pinned              bool
	why                 string // why the bench did not pin, when it did not
	restore             []affinity
}

// LayoutOptions are the bench's flags for the layout.
type LayoutOptions struct {
	Neo4jCPUs string // Neo4j's CPUs, as a list ("1", "2-3"); empty for the upper half
	NoPin     bool   // leave CPU placement to the scheduler
	// StateDir is deploy/local/services' state dir, whose run/neo4j.pid
	// and run/kafka.pid name the services' processes.
	StateDir           string
	Neo4jPid, KafkaPid int // the processes, when there is no pid file
}

// newLayout finds Neo4j's and Kafka's processes (from the flags, else from
// the pid files deploy/local/services keeps under the state dir) and, when
// Neo4j runs on this machine and it has two CPUs or more, pins Neo4j to its
// CPUs and Kafka and this process (whose children, the worker among them,
// inherit its mask) to the rest. Call undo when the bench ends: the
// services keep running.
func newLayout(o LayoutOptions, neo4jURI string) (*layout, error) {
	l := &layout{neo4jPid: o.Neo4jPid, kafkaPid: o.KafkaPid}
	if l.neo4jPid == 0 && localHost(neo4jURI) {
		l.neo4jPid, _ = pidFile(filepath.Join(o.StateDir, "run", "neo4j.pid"))
	}
	if l.kafkaPid == 0 {
		l.kafkaPid, _ = pidFile(filepath.Join(o.StateDir, "run", "kafka.pid"))
	}
	all, err := availableCPUs()
	if err != nil {
		return nil, err
	}
	switch {
	case o.NoPin:
		l.why = "--no-pin"
	case l.neo4jPid == 0:
		l.why = "Neo4j's process not found (not local, or no pid file under " + o.StateDir + "/run; see --neo4j-pid)"
	case len(all) < 2:
		l.why = "one cpu"
	}
	if l.why != "" {
		return l, nil
	}
	if l.neo4jCPUs, l.restCPUs, err = splitCPUs(all, o.Neo4jCPUs); err != nil {
		return nil, err
	}
	pins := []struct {
		pid  int
		cpus []int
	}{{l.neo4jPid, l.neo4jCPUs}, {l.kafkaPid, l.restCPUs}, {os.Getpid(), l.restCPUs}}
	for _, p := range pins {
		if p.pid == 0 {
			continue
		}
		old, err := pin(p.pid, p.cpus)
		l.restore = append(l.restore, old)
		if err != nil {
			l.undo()
			return nil, err
		}
	}
	l.pinned = true
	return l, nil
}

// pinChild pins a process the bench started, as it inherited the mask of
// one of the bench's threads only.
func (l *layout) pinChild(pid int) error {
	if !l.pinned {
		return nil
	}
	_, err := pin(pid, l.restCPUs)
	return err
}

// undo gives the pinned processes their masks back.
func (l *layout) undo() {
	for _, a := range l.restore {
		a.restore()
	}
	l.restore = nil
}

// neo4jCPU is Neo4j's CPU time so far, in seconds; NaN when unknown.
func (l *layout) neo4jCPU() float64 {
	if l.neo4jPid == 0 {
		return math.NaN()
	}
	s, err := procCPU(l.neo4jPid)
	if err != nil {
		return math.NaN()
	}
	return s
}

func (l *layout) String() string {
	if !l.pinned {
		return "not pinned: " + l.why
	}
	kafka := "Kafka (pid " + strconv.Itoa(l.kafkaPid) + "), "
	if l.kafkaPid == 0 {
		kafka = "Kafka not found, "
	}
	return fmt.Sprintf("Neo4j (pid %d) on cpu %s; %sthe bench, its publisher and the worker on cpu %s",
		l.neo4jPid, formatCPUList(l.neo4jCPUs), kafka, formatCPUList(l.restCPUs))
}
