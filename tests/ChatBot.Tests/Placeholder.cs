namespace ChatBot.Tests;
