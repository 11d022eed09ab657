Console.WriteLine("Benchmarks: see README.");
