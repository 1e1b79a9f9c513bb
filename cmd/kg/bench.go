package main

import (
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsgraph/kg/bench"
)

func benchCmd() *cobra.Command {
	var o bench.Options
	cmd := &cobra.Command{
		Use:   "bench",
		Short: "Measure the pipeline against the write ceiling on the real services",
		Long: `Measure, in one run on the configured Kafka and Neo4j:
  1. grow the graph to --grow claims (once; later runs reuse it);
  2. a sweep of batch sizes and numbers of concurrent writers for the ceiling: the events
     written straight to Neo4j by batched UNWIND statements, every configuration tried in
     one order and then in the reverse, keeping its better rate;
  3. after --warm-up-rounds untimed rounds (1), while Neo4j compiles its hot code, the
     ceiling, the pipeline's writer alone and the pipeline in turn, --rounds times (5),
     each reported as the median and the range of its runs: the ceiling alternating between
     the best and the second best configuration of the sweep; the writer alone with the batches and write concurrency of
     the worker, in this process, without Kafka, then with contiguous batches as the loader
     cuts them; the pipeline with --events event messages (real GDELT and ICEWS rows, ids
     made unique where repeated) published to and consumed by a kg worker process that has
     joined its group and written a warm-up of its own, timed from the first publish to the
     last commit, with the worker's CPU time; for the ceiling and the pipeline, Neo4j's CPU
     time per event (utime+stime of its process, from /proc);
  4. --articles articles through the same worker;
  5. latency from a record's create time to its graph commit under an open-loop publisher
     at --rate articles/s (p50, p90, p99 and max) for --latency-for, after an untimed
     --latency-warm-up at the same rate, whose worst latency is printed beside them (the
     steps before multiply the graph's articles, and Neo4j plans the article statements
     again once their statistics have changed that much); and the worker's peak RSS with
     GOMEMLIMIT=64MiB.
The event rows come from --gdelt and --icews (files or quoted glob patterns), by default the
excerpts under ingest/testdata/events; paths are relative to the working directory, by
default the repository's root. The figures in README.md were measured on the full files:
  --gdelt '../shared/data/raw/gdelt2-export-*/*.export.CSV'
  --icews ../shared/data/raw/icews-sample-andybega/icews_sample.tsv
When Neo4j runs on this machine (its pid from --neo4j-pid or deploy/local/services' pid file
under --state-dir) and the machine has two CPUs or more, Neo4j is pinned to CPUs of its own
(--neo4j-cpus, default the upper half) and Kafka, the bench, its publisher and the worker to
the rest, for the whole run; --no-pin leaves the scheduler alone. The report names the layout.
The worker runs with the KG_ settings of the environment (batch size, write concurrency, KG_PARSER:
with the parser, the article figures are the parser's; KG_PARSER=off measures the rules alone).
It writes to fresh topics and adds its events and articles to the graph, so it refuses to run
on any Neo4j database but "kgbench", the one of the bench's own instance that make bench
(deploy/local/with-services bench kg bench) starts, unless --any-database is given.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := loadSetup(cmd)
			if err != nil {
				return err
			}
			cfg := s.Config
			// Refused before anything else, as a guard must be.
			if err := bench.CheckTarget(cfg.Neo4jDatabase, o.AnyDatabase); err != nil {
				return err
			}
			// the bench's own instance (make bench) before the user's
			for _, env := range []string{"KG_BENCH_LOCAL_DIR", "KG_LOCAL_DIR"} {
				if !cmd.Flags().Changed("state-dir") && os.Getenv(env) != "" {
					o.Layout.StateDir = os.Getenv(env)
					break
				}
			}
			x, err := cfg.Extractor()
			if err != nil {
				return err
			}
			exe, err := os.Executable()
			if err != nil {
				return err
			}
			svc := bench.Services{
				Neo4j: cfg.Neo4j(), KafkaBrokers: cfg.KafkaBrokers, Kafka: cfg.Security(),
				BatchMaxMessages: cfg.BatchMaxMessages, BatchMaxBytes: cfg.BatchMaxBytes, WriteConcurrency: cfg.WriteConcurrency,
				Extractor: x, Worker: []string{exe, "worker"},
				Log: s.log, Progress: cmd.ErrOrStderr(),
			}
			return bench.Run(cmd.Context(), svc, o, cmd.OutOrStdout())
		},
	}
	f := cmd.Flags()
	f.IntVar(&o.Events, "events", 100000, "event messages through the pipeline (and through the ceiling loader)")
	f.IntVar(&o.Articles, "articles", 10000, "articles through the pipeline")
	f.IntVar(&o.Grow, "grow", 1000000, "claims the graph holds before measuring")
	f.Float64Var(&o.Rate, "rate", 50, "articles per second of the open-loop publisher for latency")
	f.DurationVar(&o.LatencyFor, "latency-for", 30*time.Second, "how long the latency publisher runs")
	f.DurationVar(&o.LatencyWarmUp, "latency-warm-up", 20*time.Second, "how long the latency publisher runs before the timed part, untimed (0: none)")
	f.StringArrayVar(&o.GDELT, "gdelt", bench.DefaultGDELT, "GDELT export files or glob patterns, repeatable (the full samples: '../shared/data/raw/gdelt2-export-*/*.export.CSV')")
	f.StringArrayVar(&o.ICEWS, "icews", bench.DefaultICEWS, "ICEWS files or glob patterns, repeatable (the full sample: ../shared/data/raw/icews-sample-andybega/icews_sample.tsv)")
	f.StringVar(&o.ArticleFile, "article-file", bench.DefaultArticleFile, "article messages to repeat (JSON Lines)")
	f.IntSliceVar(&o.BatchSizes, "batch-sizes", []int{1000, 2000, 5000, 10000}, "batch sizes the ceiling sweep tries")
	f.IntSliceVar(&o.Writers, "writers", []int{1, 2, 3}, "concurrent transactions the ceiling sweep tries with each batch size")
	f.StringVar(&o.CPUProfile, "cpu-profile", "", "write a 10 s CPU profile of the worker during the event run to this file")
	f.StringVar(&o.AllocProfile, "alloc-profile", "", "write what the worker allocates in 10 s of the event run to this file (go tool pprof -sample_index=alloc_space)")
	f.IntVar(&o.Partitions, "partitions", 3, "partitions of the bench's topics")
	f.BoolVar(&o.AnyDatabase, "any-database", false, "benchmark a Neo4j database other than kgbench (it adds the bench's data to that graph)")
	f.IntVar(&o.Rounds, "rounds", 5, "rounds of the ceiling, the writer alone and the pipeline; each is reported as the median and range of its rounds")
	f.IntVar(&o.WarmUpRounds, "warm-up-rounds", 1, "untimed rounds before them, while Neo4j compiles its hot code")
	f.StringVar(&o.Layout.Neo4jCPUs, "neo4j-cpus", "", "CPUs Neo4j is pinned to, as a list (\"1\", \"2-3\"); default the upper half of the CPUs")
	f.BoolVar(&o.LatencyOnly, "latency-only", false, "run the latency measurement (step 5) alone, on topics of its own")
	f.BoolVar(&o.Layout.NoPin, "no-pin", false, "leave CPU placement to the scheduler")
	f.StringVar(&o.Layout.StateDir, "state-dir", ".local", "deploy/local/services' state dir, whose run/neo4j.pid and run/kafka.pid name the processes (default $KG_BENCH_LOCAL_DIR, which make bench sets, else $KG_LOCAL_DIR, else .local)")
	f.IntVar(&o.Layout.Neo4jPid, "neo4j-pid", 0, "Neo4j's process, when there is no pid file")
	f.IntVar(&o.Layout.KafkaPid, "kafka-pid", 0, "Kafka's process, when there is no pid file")
	return cmd
}
