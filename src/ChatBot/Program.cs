Console.WriteLine("ChatBot");
