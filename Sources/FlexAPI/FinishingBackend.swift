// A backend that holds something on the server for as long as it is used (a `flex serve` sandbox)
// and can give it back when its user is done (`flex test` after each case).

/// `finish` releases what the backend holds; it never throws (a failed release is not the run's
/// failure) and may be called once. Front ends call it when a case or run is over.
public protocol FinishingBackend: FlexBackend {
    func finish() async
}
