/// Substring tests with Foundation's results, for the other modules' hot loops: a byte
/// search when both strings are simple text (no combining marks or other scalars whose
/// comparison Foundation treats specially), Foundation otherwise.
public enum TextSearch {
    /// Whether `s` contains `needle`, as Foundation's `s.contains(needle)` says.
    public static func contains(_ s: String, _ needle: String) -> Bool { SimpleText.contains(s, needle) }
}
