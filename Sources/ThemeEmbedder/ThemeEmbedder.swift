import Foundation

/// The build tool behind the `EmbedTheme` plugin: writes every file of a theme folder as a
/// Swift array of `ThemeFile` values (`ThemeEmbedder TEMPLATES_FOLDER OUTPUT.swift`).
///
/// Text is written as an escaped string literal, byte for byte (line endings included); a file
/// that is not UTF-8 text (an image, a font) as base64.
@main
enum ThemeEmbedder {
    static func main() {
        let arguments = CommandLine.arguments
        guard arguments.count == 3 else {
            FileHandle.standardError.write(Data("usage: ThemeEmbedder TEMPLATES_FOLDER OUTPUT.swift\n".utf8))
            exit(2)
        }
        let folder = URL(fileURLWithPath: arguments[1])
        var source = """
            // Generated at build time from the repository's Templates/ by the EmbedTheme plugin
            // (Plugins/EmbedTheme, Sources/ThemeEmbedder). Do not edit: edit Templates/ instead.

            extension BuiltInTheme {
                static let embeddedFiles: [ThemeFile] = [

            """
        for relative in files(under: folder) {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path) else {
                FileHandle.standardError.write(Data("error: cannot read \(folder.path)/\(relative)\n".utf8))
                exit(1)
            }
            if let text = String(data: data, encoding: .utf8), !text.unicodeScalars.contains("\0") {
                source += "        ThemeFile(path: \(literal(relative)), text: \(literal(text))),\n"
            } else {
                source += "        ThemeFile(path: \(literal(relative)), base64: \"\(data.base64EncodedString())\"),\n"
            }
        }
        source += "    ]\n}\n"
        do {
            try Data(source.utf8).write(to: URL(fileURLWithPath: arguments[2]), options: .atomic)
        } catch {
            FileHandle.standardError.write(Data("error: cannot write \(arguments[2]): \(error)\n".utf8))
            exit(1)
        }
    }

    /// Regular, non-hidden files under `folder`, as sorted `/`-separated relative paths.
    static func files(under folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var result: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if (relative as NSString).lastPathComponent.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            var isFolder: ObjCBool = false
            let path = folder.appendingPathComponent(relative).path
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
                result.append(relative)
            }
        }
        return result.sorted()
    }

    /// A Swift string literal holding exactly `text`.
    static func literal(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
