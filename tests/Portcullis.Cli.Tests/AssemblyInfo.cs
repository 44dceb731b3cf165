// The diff-mode test changes the process's working directory (git works relative to it), so the
// command-line tests run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
