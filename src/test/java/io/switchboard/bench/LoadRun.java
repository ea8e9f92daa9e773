package io.switchboard.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A closed-loop load run: {@code clients} threads each send requests back to back until {@code total}
 * requests are done, timing each one. Prints throughput and latency percentiles; judges nothing.
 */
final class LoadRun {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Figures of one run. */
    record Result(String name, int clients, int requests, double seconds, long[] sortedMicros, int failures) {

        double requestsPerSecond() {
            return requests / seconds;
        }

        double percentileMillis(double p) {
            int index = (int) Math.ceil(p / 100.0 * sortedMicros.length) - 1;
            return sortedMicros[Math.max(0, Math.min(index, sortedMicros.length - 1))] / 1000.0;
        }

        String line() {
            return String.format("%-28s clients=%3d requests=%6d  %9.1f req/s   p50=%7.2f ms   p99=%7.2f ms   failures=%d",
                    name, clients, requests, requestsPerSecond(), percentileMillis(50), percentileMillis(99), failures);
        }
    }

    /**
     * @param request builds the i-th request (0-based); must be safe to call from several threads
     * @param expectedStatus the status a successful response has
     */
    Result run(String name, int clients, int total, IntFunction<HttpRequest> request, int expectedStatus)
            throws Exception {
        var next = new AtomicInteger();
        var failures = new AtomicInteger();
        long[] micros = new long[total];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < total) {
                        long t0 = System.nanoTime();
                        try {
                            var response = http.send(request.apply(i), HttpResponse.BodyHandlers.discarding());
                            if (response.statusCode() != expectedStatus) {
                                failures.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                        micros[i] = (System.nanoTime() - t0) / 1000;
                    }
                    return null;
                }));
            }
            for (var worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(micros);
        return new Result(name, clients, total, seconds, micros, failures.get());
    }
}
