// One console process and one Chromium at a time: browser tests run serially on CI's two cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
