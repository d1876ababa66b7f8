// `flex trigger EVENT`: for each event type the simulator emits, the smallest flow (in the flex
// language) that makes a Flex emit it, so a shop can exercise one webhook handler on demand.
import FlexLanguage

/// The flows, and the script `flex trigger` runs for one event: the flow between a look at the
/// newest event of that type before and after, so it fails unless a new one appeared.
public enum TriggerFlows {
    /// A paid HSA checkout of one eligible product; the other flows build on it.
    static let paidCheckout = """
    let thermo = product "flex trigger thermometer" eligible price $24.99
    let paid = pay (checkout items [thermo]) with card "4242 4242 4242 4242" hsa
    """

    /// A reimbursement session's intake, approved: the consultation that issues the letter.
    static let consultation = """
    let cpap = product create name "flex trigger CPAP machine" lmn
    let done = pay (checkout mode reimbursement items [cpap]) with card "4242 4242 4242 4242" lmn approved
    """

    static let subscription = """
    let gym = product create name "flex trigger gym membership" lmn
    let monthly = price create product gym amount $49.00 recurring monthly
    let s = checkout items [monthly] mode subscription success "https://shop.example/welcome"
    let paid = pay s with card "4242 4242 4242 4242" hsa lmn approved
    """

    static let disputed = """
    let thermo = product "flex trigger thermometer" eligible price $24.99
    let paid = pay (checkout items [thermo]) with card "4000 0000 0000 0259" hsa
    let d = paid.disputes[0]
    """

    /// Event type → the flow that emits it (each one's shortest way there).
    public static let flows: [String: String] = [
        "customer.created": #"customer create email "trigger@example.com" first_name "Flex" last_name "Trigger""#,
        "customer.updated": #"customer update (customer create email "trigger@example.com") first_name "Updated""#,
        "customer.deleted": #"customer delete (customer create email "trigger@example.com")"#,
        "payment_intent.created": paidCheckout,
        "payment_intent.succeeded": paidCheckout,
        "payment_intent.canceled": """
        let chair = product "flex trigger shower chair" eligible price $80.00
        let s = checkout items [chair] capture manual
        pay s with card "4242 4242 4242 4242" hsa
        cancel s
        """,
        "checkout.session.completed": paidCheckout,
        "checkout.session.expired": """
        let thermo = product "flex trigger thermometer" eligible price $24.99
        expire (checkout items [thermo])
        """,
        "refund.created": paidCheckout + "\nrefund paid",
        "charge.refunded": paidCheckout + "\nrefund paid",
        "refund.updated": paidCheckout + "\nrefund settle (refund paid).refunds[0]",
        "charge.refund.updated": paidCheckout + "\nrefund settle (refund paid).refunds[0]",
        "customer.subscription.created": subscription,
        "customer.subscription.updated": subscription,
        // `subscription cancel` ends it at the period's end; deleting the customer ends it now.
        "customer.subscription.deleted": subscription + "\ncustomer delete paid.customer",
        "consultation.approved": consultation,
        "customer.consultation.attached": consultation,
        // A letter lasts 12 months: the flow moves the server's virtual clock a year and a day.
        "consultation.expired": consultation + "\nclock advance 366d",
        "invoice.created": subscription,
        "invoice.paid": subscription,
        "invoice.payment_succeeded": subscription,
        // The next renewal is declined: the server's virtual clock moves a month and a day.
        "invoice.payment_failed": subscription + "\ndecline next 1 charges\nclock advance 31d",
        "charge.dispute.created": disputed,
        "charge.dispute.funds_withdrawn": disputed,
        "charge.dispute.updated": disputed + "\ndispute evidence d text \"tracking number 1Z999\"",
        "charge.dispute.funds_reinstated": disputed + "\ndispute evidence d text \"winning_evidence\"",
        "charge.dispute.closed": disputed + "\ndispute evidence d text \"winning_evidence\"",
    ]

    /// The event types that have a flow, sorted.
    public static var eventTypes: [String] { flows.keys.sorted() }

    /// The script for `event`: nil when it has no flow. The event is checked by type on Flex's
    /// event list (newest first): the newest one must be a new one.
    public static func script(for event: String) -> String? {
        guard let flow = flows[event] else { return nil }
        return """
        let flex_trigger_before = events type "\(event)" limit 1
        \(flow)
        let flex_trigger_event = (events type "\(event)" limit 1)[0]
        expect len(flex_trigger_before) == 0 or flex_trigger_event.event_id != flex_trigger_before[0].event_id
        print "triggered \(event): ${flex_trigger_event.event_id}"

        """
    }

    /// "unknown event type 'X'" with the closest names: the nearest by edit distance, then the
    /// types of the same family (the part before the first dot), at most four.
    public static func unknownEventMessage(_ event: String) -> String {
        var close: [String] = []
        if let nearest = Suggestions.closest(to: event, among: eventTypes) { close.append(nearest) }
        let family = event.split(separator: ".", maxSplits: 1).first.map(String.init) ?? event
        for type in eventTypes where close.count < 4 && !close.contains(type) && type.hasPrefix(family + ".") {
            close.append(type)
        }
        var message = "unknown event type '\(event)'"
        if !close.isEmpty { message += "; did you mean " + close.map { "'\($0)'" }.joined(separator: ", ") + "?" }
        return message + " ('flex trigger --list' lists every one)"
    }
}
