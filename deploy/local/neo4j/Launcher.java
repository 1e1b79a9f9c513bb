// Runs an embedded Neo4j Community DBMS with a Bolt listener, for local
// integration tests and the demo. Started by deploy/local/services as
//
//   java -cp '<jars>/*' -Dkg.database=<name> Launcher.java <home-dir> <bolt-port>
//
// (source-file mode: no build step). <home-dir> holds data/ and logs/ and
// survives restarts, so stop/start keeps the graph.
//
// Community Edition serves one user database; -Dkg.database names it
// (default "neo4j"). The name is fixed when <home-dir> is first created: the
// test instance calls its database "kgtest", so a test pointed at the
// user's instance (database "neo4j") fails instead of emptying its graph.

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import inet.ipaddr.IPAddressString;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

public class Launcher {
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: Launcher.java <home-dir> <bolt-port>");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        long pageCacheMb = Long.parseLong(System.getProperty("kg.pagecache.mb", "512"));
        String database = System.getProperty("kg.database", GraphDatabaseSettings.DEFAULT_DATABASE_NAME);

        long t0 = System.nanoTime();
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                // Loopback only.
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                // Authentication is DISABLED: this is a throwaway local test
                // instance bound to 127.0.0.1; clients connect with NoAuth.
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.initial_default_database, database)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                // Tx logs are preallocated at 256 MiB per database by default;
                // a test instance has no use for half a gigabyte of zeros.
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                // Tx logs are kept two days by default: a few kg bench runs
                // wrote 38 GiB of them. Keep 1 GiB past each checkpoint.
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "1G size")
                // Stops runaway test queries from holding locks forever.
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(2))
                // Bolt waits 5 s twice on shutdown by default; 1 s keeps
                // `services stop neo4j` quick. (Internal settings of 5.26.)
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                // No network beyond loopback: do not try to phone home.
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Cypher reads the graph and nothing else: LOAD CSV may not
                // read local files (dbms.security.allow_csv_import_from_file_urls)
                // nor fetch any URL, loopback included: every IPv4 and IPv6
                // address is blocked (internal.dbms.cypher_ip_blocklist, the
                // 5.26 name of unsupported.dbms.cypher_ip_blocklist). The same
                // settings are in deploy/docker-compose.yml and
                // deploy/k8s/neo4j/values.yaml.
                .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                .setConfig(GraphDatabaseInternalSettings.cypher_ip_blocklist,
                        List.of(new IPAddressString("0.0.0.0/0"), new IPAddressString("::/0")))
                // An index is resampled once its updates reach half its size,
                // not 5 %: a full scan of the index each time. For Event.id,
                // a unique index that grows with every event, the default
                // cost Neo4j about 4 µs of CPU per event written, for
                // statistics a unique index does not need
                // (docs/performance.md). The same setting is in
                // deploy/docker-compose.yml and deploy/k8s/neo4j/values.yaml.
                .setConfig(GraphDatabaseSettings.index_sampling_update_percentage, 50)
                // Transaction logs are kept up to 1 GB, not for 2 days: a
                // bench run writes millions of events, and after a series
                // of runs the bench instance held 54 GB, about half of it
                // logs, when its disk filled. A local instance needs its
                // logs for recovery, not for backups or replicas.
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "1G size")
                // User-facing log (the neo4j.log of a server install) to stdout;
                // the debug log goes to <home-dir>/logs/debug.log.
                .setUserLogProvider(new Log4jLogProvider(System.out, Level.INFO))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM/SIGINT run this hook: shut the DBMS down cleanly so the
        // store is not left needing recovery on the next start.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("neo4j: shutting down");
            try {
                dbms.shutdown();
            } finally {
                System.out.println("neo4j: stopped");
                stopped.countDown();
            }
        }, "kg-neo4j-shutdown"));

        // Fail fast if the database did not come up (or <home-dir> was
        // created with another database name).
        dbms.database(database).executeTransactionally("RETURN 1");
        System.out.printf("neo4j: started in %d ms, bolt://127.0.0.1:%d, database %s, home %s%n",
                (System.nanoTime() - t0) / 1_000_000, port, database, home);
        stopped.await();
    }
}
