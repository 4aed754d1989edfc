from retrieval.commands.cli import main

raise SystemExit(main())
