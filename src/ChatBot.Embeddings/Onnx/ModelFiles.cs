namespace ChatBot.Embeddings.Onnx;

/// <summary>Where an embedding model's ONNX graph and WordPiece vocabulary come from, and the id its vectors are stored under.</summary>
internal sealed record ModelFiles(string ModelId, int Dimensions, Func<Stream> OpenModel, Func<Stream> OpenVocabulary);
