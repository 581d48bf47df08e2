Console.WriteLine("Hypernetworks.MLNet samples");
