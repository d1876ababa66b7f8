// One endpoint's waiting deliveries, oldest first: an array with a moving head, so taking the
// first of 100,000 waiting jobs does not shift the other 99,999.
struct WebhookQueue: Sendable {
    private var jobs: [WebhookJob] = []
    private var head = 0

    var count: Int { jobs.count - head }
    var first: WebhookJob? { head < jobs.count ? jobs[head] : nil }

    mutating func append(_ job: WebhookJob) { jobs.append(job) }

    mutating func removeFirst() {
        head += 1
        // Compact once the taken half outweighs the rest; amortised O(1) per job.
        if head > 1024 && head * 2 > jobs.count {
            jobs.removeFirst(head)
            head = 0
        }
    }
}
