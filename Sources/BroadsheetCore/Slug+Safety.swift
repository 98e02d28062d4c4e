// MARK: - Slugs that are legal but unsafe

extension Slug {
    /// Why a slug that is a valid path segment should still not be used.
    public enum Hazard: Sendable, Hashable {
        /// A name Windows reserves for devices (`con`, `nul`, `com1`…, also as `con.txt`): the
        /// folder cannot be created or copied there.
        case windowsReservedName(String)
        /// An invisible formatting character (zero-width space or joiner, a bidi control, a soft
        /// hyphen…): two URLs would look identical.
        case invisibleCharacter(Unicode.Scalar)
        /// A word mixing Latin, Greek and Cyrillic letters (`pаy` with a Cyrillic `а`): it can pass for another word.
        case mixedScripts(word: String)

        /// True for hazards that must stop the build; mixed scripts only warn (some words mix on purpose).
        public var isError: Bool {
            if case .mixedScripts = self { return false }
            return true
        }
    }

    /// Device names Windows reserves in every folder, whatever the extension.
    public static let windowsReservedNames = Set(["con", "prn", "aux", "nul"] + (1...9).flatMap { ["com\($0)", "lpt\($0)"] })

    /// The hazards of `slug`, most serious first (empty for a safe slug).
    public static func hazards(of slug: String) -> [Hazard] {
        // An ASCII slug (nearly all of them) holds no format character and no letter outside
        // Latin: only the device names are left to check, without reading it letter by letter.
        if slug.isASCIIOnly {
            let stem = slug.utf8.firstIndex(of: UInt8(ascii: ".")).map { String(slug[..<$0]) } ?? slug
            return windowsReservedNames.contains(stem.lowercased()) ? [.windowsReservedName(stem)] : []
        }
        var hazards: [Hazard] = []
        let stem = slug.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? slug
        // Windows also ignores trailing spaces, and treats superscript digits as digits.
        let normalised = stem.lowercased().replacingOccurrences(of: "¹", with: "1").replacingOccurrences(of: "²", with: "2")
            .replacingOccurrences(of: "³", with: "3")
        if windowsReservedNames.contains(normalised) { hazards.append(.windowsReservedName(stem)) }
        if let scalar = slug.unicodeScalars.first(where: { $0.properties.generalCategory == .format }) {
            hazards.append(.invisibleCharacter(scalar))
        }
        for word in slug.split(whereSeparator: { !$0.isLetter }) where scripts(in: word).count > 1 {
            hazards.append(.mixedScripts(word: String(word)))
            break
        }
        return hazards
    }

    /// Which of Latin, Greek and Cyrillic the letters of `word` come from.
    static func scripts(in word: Substring) -> Set<Int> {
        var found: Set<Int> = []
        for scalar in word.unicodeScalars where scalar.properties.isAlphabetic {
            switch scalar.value {
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: found.insert(0)
            case 0x370...0x3FF, 0x1F00...0x1FFF: found.insert(1)
            case 0x400...0x52F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F: found.insert(2)
            default: break
            }
        }
        return found
    }
}
