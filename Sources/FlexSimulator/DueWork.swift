// What the virtual clock makes due, run lazily before every request and after every clock move:
// session expiry, refund settlement, subscription renewals, consultations running out, dispute
// deadlines — one at a time in time order, so the events they emit are in the order they happened.

extension State {
    mutating func runDueWork() {
        while true {
            // Ties go in this order: a session expires, a refund settles, a renewal, a consultation
            // ends, a dispute's deadline passes.
            var due: (time: Int, kind: Int)?
            if let time = nextExpiry(), time <= now { due = (time, 0) }
            if let time = nextRefundSettlement(), time <= now, due.map({ time < $0.time }) ?? true { due = (time, 1) }
            if let time = nextRenewal(), time <= now, due.map({ time < $0.time }) ?? true { due = (time, 2) }
            if let time = nextConsultationExpiry(), time <= now, due.map({ time < $0.time }) ?? true { due = (time, 3) }
            if let time = nextDisputeDeadline(), time <= now, due.map({ time < $0.time }) ?? true { due = (time, 4) }
            switch due?.kind {
            case 0: expireNext()
            case 1: settleNextRefund()
            case 2: renewNext()
            case 3: expireNextConsultation()
            case 4: loseNextUnansweredDispute()
            default: return
            }
        }
    }
}
