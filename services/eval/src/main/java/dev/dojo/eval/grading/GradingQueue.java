package dev.dojo.eval.grading;

import dev.dojo.eval.sandbox.SandboxBusyException;
import dev.dojo.eval.sandbox.SandboxSettings;
import jakarta.inject.Singleton;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Admission to the sandbox slots (one per core by default), fair across accounts.
 * <ul>
 *   <li>Each account may have at most {@code perAccount} gradings in flight plus waiting; beyond that
 *       {@link TooManyGradingsException} (429).</li>
 *   <li>No account runs on every slot: with N slots one account runs at most N−1 at once (1 when N ≤ 2), so
 *       another account's submission finds a free slot at once instead of waiting for a run to end.</li>
 *   <li>A free slot goes to the waiting account served longest ago (one never served, or with nothing in flight,
 *       first; ties by arrival), so an account that keeps its quota full gets a slot only after every other
 *       waiting account had one: another account's submission waits at most until the next slot frees, which is
 *       at most one wall-time limit.</li>
 *   <li>The waiting line holds at most {@code queue} submissions. When it is full, an account with nothing in
 *       flight still gets in by displacing the newest waiting submission of an account that already has another
 *       one in flight or waiting (that one answers 503 busy). Only a line of {@code queue} different accounts,
 *       each with its one submission, refuses a newcomer (503).</li>
 *   <li>Nobody waits longer than {@code queueWait} (503).</li>
 * </ul>
 */
@Singleton
public class GradingQueue {

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Long, Account> accounts = new HashMap<>();
    private final int perAccount;
    private final int slots;
    private final int runsPerAccount;
    private final int capacity;
    private final long waitMillis;
    private int freeSlots;
    private int waiting;
    private long grants;
    private long arrivals;

    public GradingQueue(SandboxSettings settings) {
        this.slots = settings.effectiveSlots();
        this.freeSlots = slots;
        this.runsPerAccount = Math.max(1, slots - 1);
        this.capacity = settings.queue();
        this.perAccount = Math.max(1, settings.perAccount());
        this.waitMillis = settings.queueWait().toMillis();
    }

    /** Runs {@code job} holding a slot for {@code account}; the caller's thread waits its turn. */
    public <T> T run(long account, Supplier<T> job) {
        acquire(account);
        try {
            return job.get();
        } finally {
            release(account);
        }
    }

    /** Gradings holding a slot now. */
    public int inFlight() {
        lock.lock();
        try {
            return slots - freeSlots;
        } finally {
            lock.unlock();
        }
    }

    /** Submissions waiting for a slot now (tests wait for this instead of sleeping). */
    public int waiting() {
        lock.lock();
        try {
            return waiting;
        } finally {
            lock.unlock();
        }
    }

    /** Accounts tracked now: those with a submission in flight or waiting; an idle account is forgotten. */
    int accountsTracked() {
        lock.lock();
        try {
            return accounts.size();
        } finally {
            lock.unlock();
        }
    }

    private void acquire(long accountId) {
        Ticket ticket;
        lock.lock();
        try {
            Account account = accounts.computeIfAbsent(accountId, id -> new Account());
            if (account.held >= perAccount) {
                throw new TooManyGradingsException(perAccount);
            }
            // after every dispatch a slot stays free only when no waiting account may take it: no one to overtake
            if (freeSlots > 0 && account.running < runsPerAccount) {
                account.held++;
                grant(account);
                return;
            }
            if (waiting >= capacity && !(account.held == 0 && displaceOne())) {
                forgetIfIdle(accountId, account);
                throw new SandboxBusyException();
            }
            account.held++;
            ticket = new Ticket(accountId, ++arrivals);
            account.line.add(ticket);
            waiting++;
        } finally {
            lock.unlock();
        }
        awaitTurn(ticket);
    }

    private void awaitTurn(Ticket ticket) {
        try {
            ticket.decided.await(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lock.lock();
        try {
            if (ticket.state == State.GRANTED) {
                return;
            }
            if (ticket.state == State.WAITING) {
                // gave up (deadline or interrupt) before being served
                Account account = accounts.get(ticket.account);
                account.line.remove(ticket);
                waiting--;
                account.held--;
                forgetIfIdle(ticket.account, account);
            }
        } finally {
            lock.unlock();
        }
        throw new SandboxBusyException();
    }

    private void release(long accountId) {
        lock.lock();
        try {
            Account account = accounts.get(accountId);
            account.held--;
            account.running--;
            freeSlots++;
            forgetIfIdle(accountId, account);
            dispatch();
        } finally {
            lock.unlock();
        }
    }

    /** Hands free slots to the waiting account served longest ago (among those below their share of slots). */
    private void dispatch() {
        while (freeSlots > 0 && waiting > 0) {
            Account next = accounts.values().stream()
                    .filter(a -> !a.line.isEmpty() && a.running < runsPerAccount)
                    .min(Comparator.<Account>comparingLong(a -> a.lastGrant)
                            .thenComparingLong(a -> a.line.peekFirst().arrival))
                    .orElse(null);
            if (next == null) {
                return; // only accounts already running their share wait: the free slot stays for others
            }
            Ticket ticket = next.line.pollFirst();
            waiting--;
            grant(next);
            ticket.state = State.GRANTED;
            ticket.decided.countDown();
        }
    }

    private void grant(Account account) {
        freeSlots--;
        account.running++;
        account.lastGrant = ++grants;
    }

    /**
     * Frees a place in a full line for an account with nothing in flight: the newest waiting submission of an
     * account that has another one in flight or waiting is refused instead.
     */
    private boolean displaceOne() {
        Ticket newest = null;
        for (Account account : accounts.values()) {
            Ticket last = account.line.peekLast();
            if (last != null && account.held >= 2 && (newest == null || last.arrival > newest.arrival)) {
                newest = last;
            }
        }
        if (newest == null) {
            return false;
        }
        Account owner = accounts.get(newest.account);
        owner.line.pollLast();
        owner.held--;
        waiting--;
        newest.state = State.DISPLACED;
        newest.decided.countDown();
        return true;
    }

    /** An account with nothing in flight is forgotten: when it comes back, it is served like a newcomer. */
    private void forgetIfIdle(long accountId, Account account) {
        if (account.held == 0) {
            accounts.remove(accountId);
        }
    }

    private static final class Account {
        private final ArrayDeque<Ticket> line = new ArrayDeque<>();
        /** In flight plus waiting. */
        private int held;
        /** Holding a slot. */
        private int running;
        /** When this account last got a slot (0: not since it was last idle). */
        private long lastGrant;
    }

    private enum State { WAITING, GRANTED, DISPLACED }

    private static final class Ticket {
        private final long account;
        private final long arrival;
        private final CountDownLatch decided = new CountDownLatch(1);
        private State state = State.WAITING;

        private Ticket(long account, long arrival) {
            this.account = account;
            this.arrival = arrival;
        }
    }
}
