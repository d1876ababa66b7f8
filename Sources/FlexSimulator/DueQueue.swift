// Objects waiting for the virtual clock (open sessions, pending refunds, unanswered disputes), in
// the order they fall due: creation order, because each falls due a fixed time after it was made
// and the clock never goes back.

/// Store positions in due order, with a head past those no longer waiting. Objects leave the
/// queue by no longer being pending (expired, settled, answered), however that happened, so the
/// queue never has to find and remove one.
struct DueQueue {
    private var positions: [Int] = []
    private var head = 0

    mutating func append(_ position: Int) { positions.append(position) }

    /// The first position still pending, skipping those that are not; the skipped front is dropped
    /// now and then, so a long run does not keep every object it ever queued.
    mutating func first(pending: (Int) -> Bool) -> Int? {
        while head < positions.count, !pending(positions[head]) { head += 1 }
        if head > 4096 && head * 2 > positions.count {
            positions.removeFirst(head)
            head = 0
        }
        return head < positions.count ? positions[head] : nil
    }
}
