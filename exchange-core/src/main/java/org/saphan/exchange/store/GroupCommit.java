package org.saphan.exchange.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Group commit: request threads each hand in one item and wait; one writer thread takes whatever is waiting
 * (up to {@code maxBatch}) and handles it as one batch, in one database transaction, then answers each waiting
 * thread. The database work per item shrinks as traffic grows, and a lone item waits for one transaction only:
 * the writer never lingers for more. A full queue, a late answer or a failed batch fail the caller at once or
 * after {@code wait}, never block it forever (fail closed), and an item whose caller gave up before the writer
 * took it is never handled.
 *
 * @param <T> what a caller hands in
 * @param <R> what it gets back
 */
public final class GroupCommit<T, R> implements AutoCloseable {

    /** Handles the items of one batch in one transaction. */
    @FunctionalInterface
    public interface Batch<T, R> {
        /**
         * @return one result per item, in the items' order
         * @throws Exception when the batch failed: every item of it fails
         */
        List<R> commit(List<T> items) throws Exception;
    }

    /** Why a caller got no result; its message never holds an item's content. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final class Pending<T, R> {
        final T item;
        final CompletableFuture<R> done = new CompletableFuture<>();
        /** 0 waiting, 1 taken by the writer, 2 given up by the caller: a given-up item is never handled. */
        final AtomicInteger state = new AtomicInteger();

        Pending(T item) {
            this.item = item;
        }
    }

    private final String name;
    private final BlockingQueue<Pending<T, R>> queue;
    private final int maxBatch;
    private final Duration wait;
    private final Batch<T, R> batch;
    private final Thread writer;
    private final AtomicBoolean running = new AtomicBoolean(true);

    /**
     * @param name     names the writer thread and the failures ("the access-log queue is full")
     * @param capacity items that may wait; one more is refused at once
     * @param maxBatch items handled in one batch at most
     * @param wait     how long a caller waits for the writer to take its item
     */
    public GroupCommit(String name, int capacity, int maxBatch, Duration wait, Batch<T, R> batch) {
        this.name = name;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.maxBatch = maxBatch;
        this.wait = wait;
        this.batch = batch;
        this.writer = new Thread(this::drain, name + "-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Hands in one item and waits for its batch; throws {@link Unavailable} when there is no result. */
    public R submit(T item) {
        if (!running.get()) {
            throw new Unavailable("the " + name + " is closed", null);
        }
        Pending<T, R> p = new Pending<>(item);
        if (!queue.offer(p)) {
            throw new Unavailable("the " + name + " queue is full", null);
        }
        try {
            return p.done.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            if (p.state.compareAndSet(0, 2)) {
                throw new Unavailable("the " + name + " did not commit in time", e);
            }
            // the writer already holds it: wait for its batch, which the database's own timeouts bound
            return awaitTaken(p);
        } catch (ExecutionException e) {
            throw new Unavailable("the " + name + " could not commit", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.state.compareAndSet(0, 2);
            throw new Unavailable("interrupted while the " + name + " was committing", e);
        }
    }

    private R awaitTaken(Pending<T, R> p) {
        try {
            return p.done.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new Unavailable("the " + name + " did not commit in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while the " + name + " was committing", e);
        }
    }

    /** Items waiting for the writer. */
    public int queued() {
        return queue.size();
    }

    public int capacity() {
        return queue.size() + queue.remainingCapacity();
    }

    private void drain() {
        List<Pending<T, R>> waiting = new ArrayList<>(maxBatch);
        while (running.get() || !queue.isEmpty()) {
            try {
                Pending<T, R> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                waiting.add(first);
                queue.drainTo(waiting, maxBatch - 1);
                commit(waiting);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                waiting.clear();
            }
        }
        Pending<T, R> left;
        while ((left = queue.poll()) != null) {
            left.done.completeExceptionally(new IllegalStateException("the " + name + " closed"));
        }
    }

    private void commit(List<Pending<T, R>> waiting) {
        List<Pending<T, R>> taken = new ArrayList<>(waiting.size());
        List<T> items = new ArrayList<>(waiting.size());
        for (Pending<T, R> p : waiting) {
            if (p.state.compareAndSet(0, 1)) {
                taken.add(p);
                items.add(p.item);
            }
        }
        if (taken.isEmpty()) {
            return;
        }
        List<R> results;
        try {
            results = batch.commit(items);
            if (results.size() != items.size()) {
                throw new IllegalStateException("a batch of " + items.size() + " answered " + results.size() + " results");
            }
        } catch (Throwable e) {
            // the batch fails, the writer goes on: a later batch may find the database back
            taken.forEach(p -> p.done.completeExceptionally(e));
            return;
        }
        for (int i = 0; i < taken.size(); i++) {
            taken.get(i).done.complete(results.get(i));
        }
    }

    /** Handles what is queued, then stops. Idempotent. */
    @Override
    public void close() {
        if (running.compareAndSet(true, false)) {
            try {
                writer.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
