namespace ChatBot.Storage.Tests;
