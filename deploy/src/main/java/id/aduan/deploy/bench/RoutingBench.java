package id.aduan.deploy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import id.aduan.deploy.KafkaNode;
import id.aduan.deploy.Service;
import id.aduan.deploy.ServiceNode;
import id.aduan.deploy.Stack;
import id.aduan.deploy.StackSettings;
import id.aduan.events.Category;
import id.aduan.events.ComplaintRouted;
import id.aduan.events.ComplaintSnapshot;
import id.aduan.events.ComplaintSubmitted;
import id.aduan.events.EventEnvelope;
import id.aduan.events.EventJson;
import id.aduan.events.Location;
import id.aduan.events.Normalization;
import id.aduan.events.Topics;
import id.aduan.events.Wib;
import id.aduan.events.kafka.EventSerializer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code ./aduan bench routing}: the router's own throughput. Fills a fresh input topic with N realistic
 * ComplaintSubmitted events (300,000 by default), then starts a second routing-service, with the environment the
 * stack gives its own but reading that topic with a fresh group and writing to a fresh output topic, and measures
 * how fast it routes them: from the first routed record's timestamp to the last. Every routed record is then read
 * back and checked (one per submission, none lost, none twice). The bench topics are deleted afterwards. A second
 * figure, the in-memory decision rate of {@code Router.route} on one thread, comes from a JVM of its own
 * ({@link RouterDecisions}).
 */
final class RoutingBench {

    static final String PROCESS = "routing-bench";
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** The measured result of one run. */
    record Result(int count, int partitions, double produceSeconds, double startSeconds, double wallSeconds,
            long routed, long distinct, long foreign, long deadLetters, double firstToLastSeconds,
            double perSecond, long rssKb, long peakRssKb, String javaOpts) {
    }

    private RoutingBench() {
    }

    static int run(StackSettings settings, JsonNode stack, Map<String, String> env, PrintStream out)
            throws Exception {
        int count = Integer.parseInt(env.getOrDefault("ADUAN_BENCH_ROUTING_COMPLAINTS", "300000"));
        Duration timeout = Duration.ofSeconds(Long.parseLong(env.getOrDefault("ADUAN_BENCH_TIMEOUT", "600")));
        String bootstrap = stack.path("kafkaBootstrap").asText();
        String run = ZonedDateTime.now(Wib.ZONE).format(RUN_ID);
        String prefix = "aduan.bench." + run;
        String input = prefix + ".submitted";
        String output = prefix + ".routed";
        String status = prefix + ".status";
        String deadLetters = prefix + ".dlq";
        String group = "routing-bench." + run;

        // The bench instance: the stack's own settings and environment, on a free port, optionally other JVM options.
        Map<String, String> benchEnv = new HashMap<>(env);
        benchEnv.put(Service.ROUTING.portVariable(), Integer.toString(freePort()));
        String javaOpts = env.get("ADUAN_BENCH_ROUTING_JAVA_OPTS");
        if (javaOpts != null && !javaOpts.isBlank()) {
            benchEnv.put(Service.ROUTING.javaOptsVariable(), javaOpts);
        }
        StackSettings benchSettings = StackSettings.fromEnvironment(benchEnv, settings.repo(),
                settings.launcherClasspath());

        Result result;
        try (Admin admin = admin(bootstrap)) {
            int partitions = admin.describeTopics(List.of(Topics.COMPLAINTS_SUBMITTED)).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(Topics.COMPLAINTS_SUBMITTED).partitions().size();
            List<NewTopic> topics = new ArrayList<>();
            for (String topic : List.of(input, output, status, deadLetters)) {
                topics.add(new NewTopic(topic, partitions, (short) 1));
            }
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
            try {
                out.printf("Writing %,d ComplaintSubmitted events to %s (%d partitions) ...%n", count, input,
                        partitions);
                long p0 = System.nanoTime();
                Set<UUID> submitted = produce(bootstrap, input, count);
                double produceSeconds = (System.nanoTime() - p0) / 1e9;
                out.printf("  written and acknowledged in %.1f s%n", produceSeconds);

                ServiceNode node = Stack.extraNode(Service.ROUTING, PROCESS, benchSettings);
                out.printf("Starting a second routing-service (%s, JVM %s) on %s ...%n", PROCESS,
                        benchSettings.javaOpts(Service.ROUTING), input);
                long s0 = System.nanoTime();
                double startSeconds;
                double wallSeconds;
                long[] rss;
                node.start(Map.of(
                        "MP_MESSAGING_INCOMING_COMPLAINTS_SUBMITTED_TOPIC", input,
                        "MP_MESSAGING_INCOMING_COMPLAINTS_SUBMITTED_GROUP_ID", group,
                        "MP_MESSAGING_INCOMING_COMPLAINTS_SUBMITTED_DEAD_LETTER_QUEUE_TOPIC", deadLetters,
                        "MP_MESSAGING_OUTGOING_COMPLAINTS_ROUTED_TOPIC", output,
                        "MP_MESSAGING_OUTGOING_REROUTES_TOPIC", output,
                        "MP_MESSAGING_INCOMING_COMPLAINTS_STATUS_TOPIC", status,
                        "MP_MESSAGING_INCOMING_COMPLAINTS_STATUS_GROUP_ID", group + ".reroutes",
                        "MP_MESSAGING_INCOMING_COMPLAINTS_STATUS_DEAD_LETTER_QUEUE_TOPIC", deadLetters));
                try {
                    node.awaitReady(Duration.ofSeconds(180));
                    startSeconds = (System.nanoTime() - s0) / 1e9;
                    out.printf("  ready in %.1f s; routing ...%n", startSeconds);
                    long last = awaitEndOffsets(admin, output, count, timeout, node, out);
                    wallSeconds = (System.nanoTime() - s0) / 1e9;
                    out.printf("  %,d routed records %.1f s after the start%n", last, wallSeconds);
                    rss = memoryKb(node.pid());
                } finally {
                    node.stop();
                }
                result = verify(bootstrap, output, deadLetters, submitted, count, partitions, produceSeconds,
                        startSeconds, wallSeconds, rss, benchSettings.javaOpts(Service.ROUTING));
            } finally {
                out.println("Deleting the bench topics and consumer groups ...");
                admin.deleteTopics(List.of(input, output, status, deadLetters)).all().get(60, TimeUnit.SECONDS);
                try {
                    admin.deleteConsumerGroups(List.of(group, group + ".reroutes")).all().get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    // A group that never committed does not exist.
                }
            }
        }

        out.println("Measuring Router.route in memory, one thread, in JVMs of its own ...");
        String c1 = settings.javaOpts(Service.ROUTING);
        String c2 = c1.replaceAll("-XX:TieredStopAtLevel=\\d", "").trim();
        double[] decisionsC1 = decisions(settings, c1);
        double[] decisionsC2 = c2.equals(c1) ? decisionsC1 : decisions(settings, c2);

        String report = report(result, decisionsC1, c1, decisionsC2, c2);
        out.println(report);
        if (!"false".equals(env.getOrDefault("ADUAN_BENCH_RECORD", "true"))) {
            Path file = settings.repo().resolve("docs/benchmarks.md");
            Files.writeString(file, "\n" + report, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            out.println("Recorded in " + file);
        }
        boolean complete = result.routed() == count && result.distinct() == count && result.foreign() == 0
                && result.deadLetters() == 0;
        if (!complete) {
            out.println("NOT COMPLETE: " + result);
        }
        return complete ? 0 : 1;
    }

    /** Writes N submissions (acks=all) and returns their event ids. */
    private static Set<UUID> produce(String bootstrap, String topic, int count) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        Set<UUID> ids = new HashSet<>(count * 2);
        AtomicReference<Exception> failure = new AtomicReference<>();
        AtomicLong acknowledged = new AtomicLong();
        Random random = new Random(20261127L);
        try (KafkaProducer<String, EventEnvelope> producer = new KafkaProducer<>(props, new StringSerializer(),
                new EventSerializer())) {
            for (int i = 0; i < count && failure.get() == null; i++) {
                EventEnvelope event = submission(random, i);
                ids.add(event.eventId());
                producer.send(new ProducerRecord<>(topic, event.key(), event), (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    } else {
                        acknowledged.incrementAndGet();
                    }
                });
            }
            producer.flush();
        }
        if (failure.get() != null || acknowledged.get() != count) {
            throw new IllegalStateException("Only " + acknowledged.get() + " of " + count
                    + " submissions were written", failure.get());
        }
        return ids;
    }

    /** Polls the output topic's end offsets until they sum to N; returns the sum. */
    private static long awaitEndOffsets(Admin admin, String topic, int count, Duration timeout, ServiceNode node,
            PrintStream out) throws Exception {
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30,
                TimeUnit.SECONDS).get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastShown = System.nanoTime();
        long sum = 0;
        while (System.nanoTime() < deadline) {
            sum = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
                    .mapToLong(o -> o.offset()).sum();
            if (sum >= count) {
                return sum;
            }
            if (!node.isAlive()) {
                throw new IllegalStateException("The bench routing-service stopped after " + sum + " records");
            }
            if (System.nanoTime() - lastShown > 5_000_000_000L) {
                out.printf("  %,d routed so far%n", sum);
                lastShown = System.nanoTime();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Only " + sum + " of " + count + " routed within " + timeout.toSeconds()
                + " s");
    }

    /** Reads every routed record back: how many, how many distinct, first and last timestamps. */
    private static Result verify(String bootstrap, String output, String deadLetters, Set<UUID> submitted, int count,
            int partitionCount, double produceSeconds, double startSeconds, double wallSeconds, long[] rss,
            String javaOpts) {
        long routed = 0;
        long foreign = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        Set<UUID> seen = new HashSet<>(count * 2);
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap)) {
            long[] stats = {0, 0, Long.MAX_VALUE, Long.MIN_VALUE};
            readAll(consumer, output, record -> {
                stats[0]++;
                stats[2] = Math.min(stats[2], record.timestamp());
                stats[3] = Math.max(stats[3], record.timestamp());
                EventEnvelope event = EventJson.read(record.value());
                if (event.payload(ComplaintRouted.class).isEmpty() || !submitted.contains(event.causationId())) {
                    stats[1]++;
                }
                seen.add(event.causationId());
            });
            routed = stats[0];
            foreign = stats[1];
            first = stats[2];
            last = stats[3];
            long dead = readAll(consumer, deadLetters, record -> { });
            double seconds = (last - first) / 1000.0;
            return new Result(count, partitionCount, produceSeconds, startSeconds, wallSeconds, routed, seen.size(),
                    foreign, dead, seconds, seconds > 0 ? (routed - 1) / seconds : Double.NaN, rss[0], rss[1],
                    javaOpts);
        }
    }

    /** Every record of a topic, one at a time (they do not all fit in the launcher's heap); returns how many. */
    private static long readAll(KafkaConsumer<String, byte[]> consumer, String topic,
            java.util.function.Consumer<ConsumerRecord<String, byte[]>> each) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long n = 0;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                each.accept(record);
                n++;
            }
        }
        return n;
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** VmRSS and VmHWM (peak) of a process, in KiB, from /proc; -1 where unknown. */
    private static long[] memoryKb(long pid) {
        long[] kb = {-1, -1};
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    kb[0] = Long.parseLong(line.replaceAll("\\D", ""));
                } else if (line.startsWith("VmHWM:")) {
                    kb[1] = Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or already gone
        }
        return kb;
    }

    /** Router.route per second in a JVM of its own with these options: {median, best} of its rounds. */
    private static double[] decisions(StackSettings settings, String javaOpts) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(KafkaNode.java());
        command.addAll(List.of(javaOpts.trim().split("\\s+")));
        command.addAll(List.of("-cp", settings.launcherClasspath(), RouterDecisions.class.getName(),
                settings.repo().resolve(Service.ROUTING.module()).resolve("target/quarkus-app/app").toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            reader.lines().forEach(lines::add);
        }
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0 || lines.isEmpty()
                || !lines.get(lines.size() - 1).startsWith("decisions/s ")) {
            process.destroyForcibly();
            throw new IllegalStateException("The in-memory decision measurement failed:\n" + String.join("\n", lines));
        }
        String[] parts = lines.get(lines.size() - 1).split("\\s+");
        return new double[] {Double.parseDouble(parts[1]), Double.parseDouble(parts[2])};
    }

    // ---- the complaints ----

    private static final String[] REGIONS = {"1701", "1702", "1703", "1704", "1705", "1706", "1707", "1708",
        "1709", "1771"};
    private static final String[] CHANNELS = {"web", "web", "api", "whatsapp", "telegram", "open311"};
    private static final String[][] TEXTS = {
        // road
        {"Jalan nasional lintas barat di dekat jembatan berlubang besar, sudah dua motor jatuh minggu ini",
            "Jalan provinsi menuju pasar rusak parah dan tergenang air setiap hujan",
            "Jalan desa ke kebun sawit hancur, truk buah tidak bisa lewat",
            "Jalan berlubang di depan sekolah, mohon segera ditambal sebelum ada korban",
            "Gang di belakang masjid becek dan rusak sejak galian pipa tahun lalu",
            "Jalinsum di tikungan tajam aspalnya mengelupas, lampu jalan juga mati"},
        // school
        {"Guru SDN di kampung kami jarang masuk, anak-anak pulang sebelum jam sembilan",
            "Atap SMP negeri bocor, kelas tidak bisa dipakai saat hujan",
            "Ada pungutan uang seragam di SMA negeri yang tidak jelas dasarnya",
            "PAUD di desa tutup sejak bulan lalu tanpa pemberitahuan",
            "SMK negeri meminta uang komite yang memberatkan orang tua murid",
            "Sekolah dasar kekurangan meja dan kursi, murid duduk di lantai"},
        // health
        {"Kartu BPJS gratis saya ditolak di puskesmas, disuruh bayar obat sendiri",
            "Antrian di RSUD M Yunus sangat panjang, pasien lansia menunggu sampai sore",
            "Puskesmas pembantu di desa tidak ada bidan selama sebulan",
            "Peserta KIS ditagih biaya rawat inap di rumah sakit umum daerah",
            "Posyandu tidak lagi membagikan makanan tambahan untuk balita",
            "Obat di apotek puskesmas sering kosong, kami harus beli di luar"},
        // other
        {"Bansos PKH keluarga kami tidak cair tiga bulan, nama masih terdaftar",
            "E-KTP saya belum jadi sejak enam bulan lalu di dukcapil",
            "Banjir merendam rumah warga setiap hujan deras karena drainase tersumbat",
            "Ada pungli oleh oknum saat mengurus surat di kantor kecamatan",
            "Limbah pabrik sawit dibuang ke sungai, air berbau dan ikan mati",
            "Angkot ngetem di terminal sampai menutup jalan, lampu lalu lintas mati",
            "Izin usaha saya di OSS tertahan berbulan-bulan tanpa kabar",
            "Pelayanan kantor desa lambat dan sering tutup pada jam kerja"}};
    private static final String[] PLACES = {"Kecamatan Ratu Agung", "Kecamatan Selebar", "Desa Talang Empat",
        "Kecamatan Curup", "Desa Air Sebakul", "Kecamatan Manna", "Desa Lubuk Sahung", "Kecamatan Mukomuko",
        "Kecamatan Kepahiang", "Desa Pagar Dewa", "Kecamatan Tais", "Kecamatan Arga Makmur"};

    /**
     * One realistic submission: categories weighted as complaints come in, every region, descriptions with and
     * without a rule's keywords, some read from the text, a few that intake sent to triage.
     */
    static EventEnvelope submission(Random random, int n) {
        UUID complaintId = new UUID(random.nextLong(), random.nextLong());
        int c = random.nextInt(100);
        Category category = c < 40 ? Category.ROAD : c < 60 ? Category.SCHOOL : c < 80 ? Category.HEALTH
                : Category.OTHER;
        String[] texts = TEXTS[category.ordinal()];
        String description = texts[random.nextInt(texts.length)] + ". Laporan nomor " + n + ".";
        String region = REGIONS[random.nextInt(REGIONS.length)];
        String place = random.nextInt(3) == 0 ? null : PLACES[random.nextInt(PLACES.length)];
        Location location = random.nextInt(4) == 0
                ? new Location(-3.8 + random.nextDouble() * 0.8, 102.2 + random.nextDouble() * 0.8) : null;
        boolean fromText = random.nextInt(3) == 0;
        boolean triage = random.nextInt(50) == 0;
        Normalization normalization = new Normalization(fromText ? 0.5 + random.nextDouble() / 2 : 1.0,
                fromText ? "text" : "citizen", triage ? 0.4 : 1.0, triage ? "text" : "code", place, triage,
                triage ? List.of("region-unclear") : List.of());
        OffsetDateTime at = OffsetDateTime.now(Wib.ZONE).minusSeconds(random.nextInt(3600));
        String tracking = "ADU-" + Long.toString(Math.abs(complaintId.getMostSignificantBits()), 36).toUpperCase();
        ComplaintSnapshot complaint = new ComplaintSnapshot(tracking, category, region, description, place, location,
                CHANNELS[random.nextInt(CHANNELS.length)], at, random.nextInt(20) == 0, random.nextInt(10) == 0,
                normalization, null);
        return EventEnvelope.first(complaintId, new ComplaintSubmitted(complaint), at);
    }

    private static Admin admin(String bootstrap) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return Admin.create(props);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String report(Result r, double[] c1, String c1Opts, double[] c2, String c2Opts) {
        String when = ZonedDateTime.now(ZoneId.of("Asia/Jakarta"))
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"));
        return """
                ### ./aduan bench routing, %s
                Machine: %s. %,d ComplaintSubmitted events pre-filled on a bench topic of %d partitions, routed by a
                second routing-service (JVM `%s`) next to the running stack, which stays idle; Kafka and the bench
                share the same 2 cores. Target: 20,000 per second.

                | measure | value |
                |---|---|
                | routed records read back | %,d (distinct submissions %,d, foreign %d, dead letters %d) |
                | **routed per second** (first to last routed record's timestamp) | **%,.0f** (%.1f s) |
                | wall time: process start to all routed (start-up to ready) | %.1f s (%.1f s) |
                | resident memory of the routing process at the end (peak) | %d MB (%d MB) |
                | writing the input (acks=all) | %.1f s |
                | Router.route alone, in memory, 1 thread, `%s` (median / best round) | %,.0f / %,.0f per second |
                | Router.route alone, in memory, 1 thread, `%s` (median / best round) | %,.0f / %,.0f per second |
                """.formatted(when, Bench.machine(), r.count(), r.partitions(), r.javaOpts(), r.routed(),
                r.distinct(), r.foreign(), r.deadLetters(), r.perSecond(), r.firstToLastSeconds(), r.wallSeconds(),
                r.startSeconds(), r.rssKb() / 1024, r.peakRssKb() / 1024, r.produceSeconds(), c1Opts, c1[0], c1[1],
                c2Opts, c2[0], c2[1]);
    }
}
