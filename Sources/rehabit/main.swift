import RehabCLI

RehabitCommand.main()
