import GazetteCLI

GazetteCommand.main()
