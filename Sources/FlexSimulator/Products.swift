// Products: create, get, list (active, client_reference_id filters), PATCH; eligibility lives here.
import FlexAPI

/// `hsa_fsa_eligibility` (docs/flex-api.md §2.3). Everything but `not_eligible` can be paid with HSA/FSA.
enum Eligibility: String, CaseIterable {
    case notEligible = "not_eligible"
    case autoSubstantiation = "auto_substantiation"
    case privateLabel = "private_label"
    case vision
    case prescription
    case letterOfMedicalNecessity = "letter_of_medical_necessity"
    case service

    var isEligible: Bool { self != .notEligible }
    var needsLetter: Bool { self == .letterOfMedicalNecessity }
}

struct Product {
    var id: ULID
    var name: String
    var description: String?
    var eligibility: Eligibility
    var upc: String?
    var gtin: String?
    var referenceGTIN: String?
    var url: String?
    var clientReferenceID: String?
    var visitType: String?
    var active: Bool
    var metadata: JSON?
    var created: Int
}

extension State {
    mutating func createProduct(_ request: APIRequest) throws(APIFailure) -> APIResponse {
        let body = try BodyReader.wrapped(request.body, "product")
        let name = try body.requiredString("name")
        let eligibility = try body.choice("hsa_fsa_eligibility", Eligibility.allCases.map(\.rawValue)).flatMap(Eligibility.init) ?? .notEligible
        let product = Product(
            id: ULID(high: 0, low: 0), name: name, description: try body.string("description"), eligibility: eligibility,
            upc: try body.string("upc_code"), gtin: try body.string("gtin"), referenceGTIN: try body.string("reference_gtin"),
            url: try body.string("url"), clientReferenceID: try body.string("client_reference_id"),
            visitType: try body.string("visit_type"), active: try body.bool("active") ?? true,
            metadata: try body.metadata(), created: 0)
        return insertAndAnswer(product, into: \.products)
    }

    mutating func updateProduct(_ id: String, _ request: APIRequest) throws(APIFailure) -> APIResponse {
        let position = try products.position(of: id)
        let body = try BodyReader.wrapped(request.body, "product")
        var product = products[position]
        if body.has("name") { product.name = try body.requiredString("name") }
        if body.has("description") { product.description = try body.string("description") }
        if body.has("upc_code") { product.upc = try body.string("upc_code") }
        if body.has("gtin") { product.gtin = try body.string("gtin") }
        if body.has("reference_gtin") { product.referenceGTIN = try body.string("reference_gtin") }
        if body.has("url") { product.url = try body.string("url") }
        if body.has("active") { product.active = try body.bool("active") ?? product.active }
        if body.has("metadata") { product.metadata = try body.metadata() }
        if let eligibility = try body.choice("hsa_fsa_eligibility", Eligibility.allCases.map(\.rawValue)).flatMap(Eligibility.init) {
            product.eligibility = eligibility
        }
        return updateAndAnswer(product, at: position, in: \.products)
    }

    func listProducts(_ request: APIRequest) throws(APIFailure) -> APIResponse {
        let active = try Pagination.activeFilter(request)
        let reference = request.queryValue("client_reference_id")
        let wanted = try State.metadataFilter(request)
        return try list(\.products, request) { product in
            (active == nil || product.active == active)
                && (reference == nil || product.clientReferenceID == reference)
                && wanted.allSatisfy { key, value in product.metadata?[key] == .string(value) }
        }
    }

    /// `metadata[key]=value` query parameters (doc: ref products/list-products; several are ANDed).
    /// 400 for `metadata[]` or a name that is not `metadata[…]`-shaped.
    static func metadataFilter(_ request: APIRequest) throws(APIFailure) -> [(String, String)] {
        var pairs: [(String, String)] = []
        for item in request.query where item.name.hasPrefix("metadata") {
            guard item.name.hasPrefix("metadata["), item.name.hasSuffix("]"), item.name.count > "metadata[]".count else {
                throw .invalid("\(item.name): filter on metadata as metadata[key]=value")
            }
            pairs.append((String(item.name.dropFirst("metadata[".count).dropLast()), item.value))
        }
        return pairs
    }

    func render(_ product: Product) -> JSON {
        object([
            "product_id": .string(product.id.id(.product)),
            "name": .string(product.name),
            "description": product.description.json,
            "document_description": .null,
            "receipt_description": .null,
            "created_at": .string(Clock.iso(product.created)),
            "visit_type": product.visitType.json,
            "active": .bool(product.active),
            "upc_code": product.upc.json,
            "gtin": product.gtin.json,
            "reference_gtin": product.referenceGTIN.json,
            "hsa_fsa_eligibility": .string(product.eligibility.rawValue),
            "test_mode": true,
            "metadata": product.metadata ?? .object(JSONObject()),
            "url": product.url.json,
            "client_reference_id": product.clientReferenceID.json,
        ])
    }
}
