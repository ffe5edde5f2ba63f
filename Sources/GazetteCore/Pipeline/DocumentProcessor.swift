import Foundation
import GazetteModel

/// Runs the per-document stages — ingest → clean → normalize → structure → classify —
/// on one input file: `prepare` up to normalize, `complete` the rest. Value in, value out:
/// each stage is a separate type that tests can run alone; this type only chains them.
public struct DocumentProcessor: Sendable {
    public var ingester: Ingester
    public var cleaner: Cleaner
    public var normalizer: Normalizer
    public var structurer: Structurer
    public var classifier: Classifier
    /// The per-document stages that run (pipeline.yml `stages:`); ingest and structure always do.
    public var stages: Set<String>

    public init(ingester: Ingester, cleaner: Cleaner, normalizer: Normalizer, structurer: Structurer, classifier: Classifier,
                stages: Set<String> = Set(PipelineConfig.stageOrder)) {
        self.ingester = ingester; self.cleaner = cleaner; self.normalizer = normalizer
        self.structurer = structurer; self.classifier = classifier; self.stages = stages
    }

    /// The stages for `config`, with one shared OpenCC pool.
    public static func make(config: PipelineConfig, baseDirectory: URL) throws -> DocumentProcessor {
        guard let data = OpenCCConverter.locateDataDirectory() else {
            throw ConfigurationError([Diagnostic(id: "opencc-missing", severity: .error,
                message: "OpenCC dictionaries not found", suggestion: "run `make` or set GAZETTE_OPENCC_DATA")])
        }
        return DocumentProcessor(ingester: Ingester(settings: config.ingest), cleaner: Cleaner(),
                                 normalizer: Normalizer(pool: OpenCCPool(dataDirectory: data)),
                                 structurer: Structurer(),
                                 classifier: try Classifier.load(config: config, baseDirectory: baseDirectory),
                                 stages: Set(config.stages))
    }

    /// Process bytes already read. Throws `RejectReason` for input that cannot be used.
    public func process(bytes: [UInt8], path: String, id: String) throws -> Document {
        let ingested = try ingester.ingest(bytes: bytes, path: path, sha256: SHA256Digest.hex(bytes))
        return try process(ingested: ingested, id: id)
    }

    public func process(ingested: IngestedText, id: String) throws -> Document {
        complete(try prepare(ingested: ingested, id: id))
    }

    /// The stages before dedup — clean and normalize — on ingested text: what the structure
    /// stage reads. The runner signs this for dedup and structures only the canonical copies.
    public func prepare(ingested: IngestedText, id: String) throws -> StructureInput {
        InFlight.stage(.clean)
        let cleaned = stages.contains("clean") ? cleaner.clean(ingested.text) : CleanedText(text: ingested.text, removed: [])
        guard cleaned.text.unicodeScalars.contains(where: { $0.value >= 0x4E00 && $0.value <= 0x9FFF }) else {
            throw RejectReason("no-chinese-text", "no Chinese text left after cleaning")
        }
        InFlight.stage(.normalize)
        let normalized = stages.contains("normalize") ? try normalizer.normalize(cleaned.text) : Normalizer.unconverted(cleaned.text)
        let source = Source(path: ingested.path, sha256: ingested.sha256, format: ingested.format,
                            encoding: ingested.encoding, script: normalized.script, variant: normalized.variant,
                            conversion: normalized.conversion, bytes: ingested.bytes, choices: normalized.choices.count)
        // The page's subject class is compared with the code list's simplified names: a
        // traditional page's value (綜合政務\政務公開) is converted as its text was.
        var pageMetadata = ingested.pageMetadata
        if normalized.conversion != "none" {
            for k in ["主题分类", "主題分類"] {
                if let v = pageMetadata[k], let n = try? normalizer.normalize(v) { pageMetadata[k] = n.text }
            }
        }
        var input = StructureInput(id: id, source: source, normalized: normalized, pageMetadata: pageMetadata,
                                   pageTitle: ingested.pageTitle, removed: cleaned.removed)
        input.layout = cleaned.layout
        return input
    }

    /// The stages before dedup on a page and its attachments (`AttachmentAssembler`): the
    /// body as one text, the other attachments cleaned and normalized as appendices.
    public func prepare(unit: IngestedUnit, id: String) throws -> (input: StructureInput, roles: [(path: String, role: String)]) {
        guard let assembled = AttachmentAssembler.assemble(unit) else {
            throw RejectReason("no-chinese-text", "neither the page nor its attachments hold Chinese text")
        }
        var input = try prepare(ingested: assembled.body, id: id)
        for a in assembled.appendices {
            InFlight.stage(.clean)
            let text = stages.contains("clean") ? cleaner.clean(a.text.text).text : a.text.text
            let normalized = stages.contains("normalize") ? try normalizer.normalize(text) : Normalizer.unconverted(text)
            input.attachedAppendices.append(Appendix(kind: .attachment, title: a.title, text: normalized.text))
        }
        return (input, assembled.roles)
    }

    /// The stages after dedup: structure and classify.
    public func complete(_ input: StructureInput) -> Document {
        InFlight.stage(.structure)
        return classify(structurer.structure(input))
    }

    /// Classify (when pipeline.yml runs it) a document as the structure stage left it.
    public func classify(_ structured: Document) -> Document {
        guard stages.contains("classify") else { return Self.unclassified(structured) }
        InFlight.stage(.classify)
        return classifier.classify(structured)
    }

    /// A document whose clauses keep the structure stage's defaults (area `general`, no
    /// topics, units as written), each saying why, for a pipeline without classify.
    static func unclassified(_ doc: Document) -> Document {
        var d = doc
        for k in d.clauses.indices { d.clauses[k].evidence = ["not classified: 'classify' is not in pipeline.yml stages"] }
        d.subject?.evidence.append("not normalised to the code list: 'classify' is not in pipeline.yml stages")
        return d
    }
}
