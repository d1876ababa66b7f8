// The baseline of section (d'): `SimulatedFlex.send` as it was before it became
// `nonisolated(nonsending)`. A `@concurrent` async function always runs on the global executor, so
// the bench's loop (top-level code, on the main actor) switches threads twice per request.
import FlexAPI
import FlexSimulator

final class HoppingSimulator: Sendable {
    private let inner: SimulatedFlex

    init(_ inner: SimulatedFlex) { self.inner = inner }

    @concurrent func send(_ request: APIRequest) async throws -> APIResponse {
        inner.handle(request)
    }
}
