import ArgumentParser
import Foundation
import GazetteCore
import GazetteModel
import GazetteOutput
import GazettePublish
import GazetteResearch

/// `gazette run`: the main job.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the pipeline over the corpus folder into the output folder.",
        discussion: "Incremental by default: only new or changed files are processed. Locked against overlapping runs; Output/ is replaced atomically.")

    @OptionGroup(title: "Configuration") var options: ConfigOptions
    @Option(help: "Corpus folder (overrides the configuration).") var corpus: String?
    @Option(help: "Output folder (overrides the configuration).") var output: String?
    @Option(help: "Cache folder (overrides the configuration).") var cache: String?
    @Flag(help: "Rebuild everything, ignoring cached results.") var full = false
    @Flag(help: "Wait for another run to finish instead of exiting 3.") var wait = false
    @Flag(name: .shortAndLong, help: "Print nothing but errors.") var quiet = false

    func run() throws {
        let code = execute()
        if code != 0 { throw ExitCode(code) }
    }

    func execute() -> Int32 {
        // A crash while one document is processed must not cost the night: the work is done
        // by a worker process, started again without the input it crashed on (RunSupervisor).
        if RunSupervisor.shouldSupervise { return RunSupervisor.run() }
        RunSupervisor.bindToSupervisor()
        let config: PipelineConfig, base: URL
        do { (config, base) = try options.load() } catch let e as ConfigurationError {
            return failConfiguration(e).rawValue
        } catch { return ExitStatus.usage }
        func resolve(_ cli: String?, _ conf: String) -> URL {
            if let cli { return URL(fileURLWithPath: cli).standardizedFileURL }
            return (conf.hasPrefix("/") ? URL(fileURLWithPath: conf) : base.appendingPathComponent(conf)).standardizedFileURL
        }
        let progress = TerminalProgress.make(quiet: quiet)
        do {
            let processor = try DocumentProcessor.make(config: config, baseDirectory: base)
            let runner = PipelineRunner(config: config, corpus: resolve(corpus, config.corpus), output: resolve(output, config.output),
                                        cacheRoot: resolve(cache, config.cache), processor: processor,
                                        sinks: try Self.sinks(for: config.publish.formats, memoryBudgetMiB: config.memoryBudgetMiB,
                                                               configFile: options.config),
                                        progress: progress)
            runner.full = full
            runner.wait = wait
            SignalTrap.install(runner.cancellation)
            if CrashGuard.installFromEnvironment() { runner.crashes.skip = CrashGuard.skipListFromEnvironment() }
            let report = try runner.run(versions: ["gazette": GazetteVersion.string, "opencc": "1.4.2"])
            if !quiet { printSummary(report) }
            return report.exitCode
        } catch let e as ConfigurationError {
            return failConfiguration(e).rawValue
        } catch let e as RunLock.Failure {
            FileHandle.standardError.write(Data("gazette: \(e)\n".utf8))
            if case .held = e { return ExitStatus.locked }
            return ExitStatus.internalFailure
        } catch let e as RunCancelled {
            FileHandle.standardError.write(Data("gazette: \(e)\n".utf8))
            return 130
        } catch {
            FileHandle.standardError.write(Data("gazette: internal failure: \(error); Output/ left as it was\n".utf8))
            return ExitStatus.internalFailure
        }
    }

    /// The publish sinks and, with the site, the researchers' diff and compare pages inside
    /// it, in the order their declarations give (`SinkOrder`).
    /// - Throws: `ConfigurationError` when a sink needs a part of the output no sink writes.
    /// The research pages may hold a sixteenth of the memory budget in comparison aids.
    static func sinks(for formats: [String], memoryBudgetMiB: Int = PipelineConfig.defaultMemoryBudgetMiB,
                      configFile: String? = nil) throws -> [OutputSink] {
        let research = ResearchSiteSink(keptBytes: memoryBudgetMiB << 16)
        let sinks = Sinks.make(formats: formats) + (formats.contains("site") ? [research] : [])
        do { return try SinkOrder.resolve(sinks) } catch let e as SinkOrderError {
            throw ConfigurationError([Diagnostic(id: "publish-order", severity: .error, message: e.description, file: configFile)])
        }
    }

    func printSummary(_ r: RunReport) {
        var lines: [String] = []
        if r.unchanged { lines.append("gazette: nothing changed") }
        lines.append("gazette: \(r.published) published, \(r.duplicates) duplicates, \(r.rejected.count) rejected" + (r.unchanged ? "" : ", \(r.reprocessed) processed anew"))
        for (path, reason) in r.rejected.prefix(50) { lines.append("  rejected \(path): \(reason)") }
        if r.rejected.count > 50 { lines.append("  … and \(r.rejected.count - 50) more (see manifest.json)") }
        print(lines.joined(separator: "\n"))
    }
}

/// SIGINT/SIGTERM ask the run to stop cleanly: the staging folder is removed, the lock released.
enum SignalTrap {
    nonisolated(unsafe) static var sources: [DispatchSourceSignal] = []
    static func install(_ flag: CancellationFlag) {
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let s = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            s.setEventHandler { flag.set() }
            s.resume()
            sources.append(s)
        }
    }
}
