import Foundation
import GazetteModel
import GazetteOutput

/// Runs one sink's ordered writes and its `finish` on a thread of its own, in the order
/// they are handed over, so that a sink with heavy ordered work (the SQLite inserts and
/// full-text index, the gzip stream, the research pages) overlaps the other sinks instead
/// of holding up the publish loop and the other sinks' finish.
///
/// At most `capacity` jobs wait, so memory stays bounded. The first error stops the
/// thread; it is thrown by the next `submit` or by `wait`. `cancel()` drops what is still
/// queued and waits for the job in hand to end, so nothing writes into the staging
/// folder after it returns.
final class SinkThread: @unchecked Sendable {
    enum Job {
        case write(Document, Data?)
        case finish(CorpusSummary)
    }

    let sink: OutputSink
    private let condition = NSCondition()
    private var jobs: [Job] = []
    private var head = 0
    private var failure: Error?
    private var stopped = false
    private var closed = false
    private var running = true
    private let capacity: Int

    init(_ sink: OutputSink, capacity: Int = 16) {
        self.sink = sink
        self.capacity = max(1, capacity)
        Thread.detachNewThread { [self] in
            loop()
            condition.lock(); running = false; condition.broadcast(); condition.unlock()
        }
    }

    /// Queues a job, waiting while the queue is full; throws the sink's error if it failed.
    func submit(_ job: Job) throws {
        condition.lock()
        defer { condition.unlock() }
        while failure == nil && !stopped && jobs.count - head >= capacity { condition.wait() }
        if let failure { throw failure }
        if stopped { throw SinkThreadStopped(sink: sink.name) }
        jobs.append(job)
        if case .finish = job { closed = true }
        condition.broadcast()
    }

    /// Waits until every queued job is done (the last one being `finish`); throws the
    /// sink's error if it failed.
    func wait() throws {
        condition.lock()
        defer { condition.unlock() }
        closed = true
        condition.broadcast()
        while running { condition.wait() }
        if let failure { throw failure }
    }

    /// Drops the queued jobs and waits for the thread to stop. Harmless after `wait()`.
    func cancel() {
        condition.lock()
        stopped = true
        jobs.removeAll(); head = 0
        condition.broadcast()
        while running { condition.wait() }
        condition.unlock()
    }

    private func loop() {
        while true {
            condition.lock()
            while head == jobs.count && !stopped && !closed { condition.wait() }
            if stopped || failure != nil || head == jobs.count { condition.unlock(); return }
            let job = jobs[head]
            head += 1
            if head > 64 && head * 2 > jobs.count { jobs.removeFirst(head); head = 0 }
            condition.broadcast()
            condition.unlock()
            do {
                switch job {
                case .write(let doc, let prepared): try InFlight.document(doc.source.path, .publish) { try sink.write(doc, prepared: prepared) }
                case .finish(let corpus): try sink.finish(corpus)
                }
            } catch {
                condition.lock(); failure = error; condition.broadcast(); condition.unlock()
                return
            }
        }
    }
}

/// A job handed to a sink thread after the run was cancelled.
struct SinkThreadStopped: Error, CustomStringConvertible {
    var sink: String
    var description: String { "the \(sink) output was stopped" }
}
