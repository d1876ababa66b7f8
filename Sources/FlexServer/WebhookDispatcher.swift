// Delivers the simulator's webhook events over HTTP for `flex serve`: reads new events from the
// event log when poked, keeps one bounded queue per endpoint (so each endpoint gets its events in
// order), and works each queue with one task that retries on Svix's schedule.
import AsyncHTTPClient
import FlexAPI
import FlexSimulator

actor WebhookDispatcher {
    let simulator: SimulatedFlex
    /// The sandbox's name, nil for the server's default simulator.
    let sandbox: String?
    let options: WebhookDeliveryOptions
    let sender: WebhookSender
    let log: @Sendable (String) -> Void
    /// Pokes coalesce: one waiting poke is enough to read everything made since.
    nonisolated let pokes: AsyncStream<Void>
    nonisolated let pokeContinuation: AsyncStream<Void>.Continuation

    var cursor = OutboxCursor.start
    var queues: [String: WebhookQueue] = [:]
    var draining: Set<String> = []
    var records: [String: DeliveryRecord] = [:]

    init(simulator: SimulatedFlex, sandbox: String?, options: WebhookDeliveryOptions, client: HTTPClient,
         log: @escaping @Sendable (String) -> Void) {
        self.simulator = simulator
        self.sandbox = sandbox
        self.options = options
        self.sender = WebhookSender(client: client, timeout: .milliseconds(Int64(options.timeoutSeconds * 1000)))
        self.log = log
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        pokes = stream
        pokeContinuation = continuation
    }

    /// Called when the simulator made events; never waits.
    nonisolated func poke() { pokeContinuation.yield() }

    /// Runs until cancelled: each poke reads the new events; each endpoint with work gets a task.
    func run() async {
        await withDiscardingTaskGroup { group in
            for await _ in pokes {
                for key in collect() {
                    group.addTask { await self.drain(key) }
                }
            }
        }
    }

    /// Moves the events made since the cursor into the endpoints' queues; returns the endpoints
    /// that need a task.
    func collect() -> [String] {
        var started: [String] = []
        while true {
            let (events, next) = simulator.outboundEvents(after: cursor, everyEvent: options.forwardTo != nil)
            if next.generation != cursor.generation { records.removeAll() }
            cursor = next
            if events.isEmpty { return started }
            for event in events {
                for endpoint in event.endpoints {
                    let job = WebhookJob(eventID: event.eventID, eventType: event.eventType, body: event.body, url: endpoint.url,
                                         secret: endpoint.secret, sandbox: sandbox, deliveryID: endpoint.deliveryID,
                                         webhookID: endpoint.webhookID, generation: next.generation)
                    if enqueue(job, key: endpoint.webhookID) { started.append(endpoint.webhookID) }
                }
                if let forward = options.forwardTo {
                    let job = WebhookJob(eventID: event.eventID, eventType: event.eventType, body: event.body, url: forward,
                                         secret: options.forwardingSecret, sandbox: sandbox, generation: next.generation)
                    if enqueue(job, key: "forward-to") { started.append("forward-to") }
                }
            }
        }
    }

    /// Appends `job` unless the queue is full (then records it as dropped); true when the queue
    /// has no task working it yet.
    func enqueue(_ job: WebhookJob, key: String) -> Bool {
        if let id = job.deliveryID { records[id] = DeliveryRecord(generation: job.generation) }
        guard queues[key, default: WebhookQueue()].count < options.queueCapacity else {
            let reason = "dropped: \(options.queueCapacity) deliveries already wait for this endpoint"
            if let id = job.deliveryID { records[id]?.status = .dropped; records[id]?.note = reason }
            log("webhook \(job.deliveryID ?? job.eventID) \(job.eventType) -> \(job.url): \(reason)")
            return false
        }
        queues[key, default: WebhookQueue()].append(job)
        return draining.insert(key).inserted
    }

    /// Works one endpoint's queue, oldest first, until it is empty.
    func drain(_ key: String) async {
        while let job = queues[key]?.first, !Task.isCancelled {
            await deliver(job)
            queues[key]?.removeFirst()
        }
        // No suspension between the emptiness check and this: `enqueue` sees the task gone.
        queues[key] = nil
        draining.remove(key)
    }

    /// Every attempt of one delivery, on the schedule, until one succeeds or none is left.
    func deliver(_ job: WebhookJob) async {
        let schedule = WebhookDeliveryOptions.svixSchedule.count
        for number in 1...schedule {
            if number > 1 {
                do { try await Task.sleep(for: options.delay(beforeAttempt: number)) } catch { return }
                if let webhook = job.webhookID, !simulator.webhookIsActive(webhook, generation: job.generation) {
                    finish(job, .stopped, note: "the endpoint was deleted or the simulator was reset before attempt \(number)")
                    return
                }
            }
            let outcome = await sender.send(job)
            record(job, number: number, outcome)
            if outcome.succeeded { finish(job, .succeeded); return }
        }
        finish(job, .failed, note: "all \(schedule) attempts failed")
    }

    func record(_ job: WebhookJob, number: Int, _ outcome: WebhookSender.Outcome) {
        let attempt = DeliveryRecord.Attempt(number: number, timestamp: outcome.timestamp, status: outcome.status,
                                             milliseconds: outcome.milliseconds, error: outcome.error)
        if let id = job.deliveryID { records[id]?.attempts.append(attempt) }
        let answer = outcome.status.map(String.init) ?? "no answer"
        var line = "webhook \(job.deliveryID ?? job.eventID) \(job.eventType) -> \(job.url): \(answer) \(outcome.milliseconds)ms"
        line += " (attempt \(number)/\(WebhookDeliveryOptions.svixSchedule.count))"
        if let error = outcome.error, !outcome.succeeded {
            line += " \(error)"
            if number < WebhookDeliveryOptions.svixSchedule.count {
                line += "; next attempt in \(WebhookDispatcher.describe(options.delay(beforeAttempt: number + 1)))"
            }
        }
        log(line)
    }

    func finish(_ job: WebhookJob, _ status: DeliveryRecord.Status, note: String? = nil) {
        if let id = job.deliveryID {
            records[id]?.status = status
            records[id]?.note = note
        }
        if let note { log("webhook \(job.deliveryID ?? job.eventID) \(job.eventType) -> \(job.url): \(status.rawValue): \(note)") }
    }

    /// The records of the deliveries listed, for the current generation only.
    func records(for ids: [String], generation: Int) -> [String: DeliveryRecord] {
        var found: [String: DeliveryRecord] = [:]
        for id in ids {
            if let record = records[id], record.generation == generation { found[id] = record }
        }
        return found
    }

    static func describe(_ duration: Duration) -> String {
        let milliseconds = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        return milliseconds >= 1000 && milliseconds % 1000 == 0 ? "\(milliseconds / 1000)s" : "\(milliseconds)ms"
    }
}
