// Include rules: resolve through the caller's SourceLoader, parse and check each file once, and
// report missing files and cycles (with the chain of files that led there).

extension Checker.Pass {
    mutating func checkInclude(path: String, pathSpan: SourceSpan) {
        let includingPath = sources.file(pathSpan.file)?.path ?? ""
        guard let loader, let loaded = loader.load(path, relativeTo: includingPath) else {
            if let problem = loader?.problem(loading: path, relativeTo: includingPath) {
                report("cannot include '\(path)': \(problem)", at: pathSpan, help: "include a .flex file")
            } else {
                report("cannot find included file '\(path)'", at: pathSpan,
                       help: "an include path is relative to the file that includes it")
            }
            return
        }
        let canonical = loaded.canonicalPath
        resolveMainCanonicalPath(using: loader)
        if let start = chainIndex(of: canonical) {
            let chain = (includeChain[start...] + [canonical]).joined(separator: " → ")
            report("include cycle: '\(path)' is already being included", at: pathSpan,
                   help: "remove one of the includes in the chain",
                   notes: [Diagnostic.Note("include chain: \(chain)")])
            return
        }
        // Each file is included once per run; later includes of it do nothing.
        guard !includedPaths.contains(canonical) else { return }
        guard includeChain.count < Self.maximumIncludeDepth else {
            report("includes are nested more than \(Self.maximumIncludeDepth) files deep", at: pathSpan)
            return
        }
        includedPaths.insert(canonical)

        let file = sources.add(path: canonical, bytes: loaded.bytes)
        let parsed = Parser.parse(file)
        diagnostics += parsed.diagnostics
        includes[pathSpan] = parsed.program

        // `includes` keeps the included tree alive while it is checked.
        let statements = parsed.program.statements.range
        let includingTree = tree
        parsed.program.statements.tree.withSource { records in
            tree = records
            includeChain.append(canonical)
            checkFileTopLevel(statements, isMainFile: false)
            includeChain.removeLast()
        }
        tree = includingTree
    }

    /// Where `canonical` already is in the chain of files being checked, if it is.
    private func chainIndex(of canonical: String) -> Int? {
        if let index = includeChain.firstIndex(of: canonical) { return index }
        if let main = mainCanonicalPath, main == canonical { return 0 }
        return nil
    }

    /// The main file was named by the user (`tests/../x.flex`), not by the loader; ask the loader
    /// for its canonical spelling once, so including the main file back is caught as a cycle.
    private mutating func resolveMainCanonicalPath(using loader: any SourceLoader) {
        guard mainCanonicalPath == nil, let mainPath = includeChain.first,
              !mainPath.isEmpty, !mainPath.hasPrefix("<") else { return }
        let name = mainPath.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? mainPath
        mainCanonicalPath = loader.load(name, relativeTo: mainPath)?.canonicalPath ?? mainPath
    }
}
