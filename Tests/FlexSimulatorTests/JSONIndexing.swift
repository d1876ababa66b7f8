// `json[0]`: array elements in test expectations, nil when out of range or not an array.
import FlexAPI

extension JSON {
    subscript(index: Int) -> JSON? {
        guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
        return elements[index]
    }
}
