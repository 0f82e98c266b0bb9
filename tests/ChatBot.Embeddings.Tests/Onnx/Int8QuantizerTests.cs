using ChatBot.Embeddings.Onnx;
using Onnx;

namespace ChatBot.Embeddings.Tests.Onnx;

public sealed class Int8QuantizerTests
{
    [Fact]
    public void Every_weight_product_is_quantised_and_takes_its_bias_add_into_the_node()
    {
        using var stream = MiniLmPackage.Files.OpenModel();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var original = ModelProto.Parser.ParseFrom(copy.ToArray()).Graph;

        var (model, quantized) = Int8Quantizer.Quantize(copy.ToArray());
        var graph = ModelProto.Parser.ParseFrom(model).Graph;

        // all-MiniLM-L6-v2: six layers of query, key, value, attention output, intermediate and output products.
        Assert.Equal(36, quantized);
        var products = graph.Node.Where(n => n.OpType == "DynamicQuantizeMatMul").ToList();
        Assert.Equal(36, products.Count);
        Assert.All(products, p => Assert.Equal(5, p.Input.Count));
        Assert.Equal(original.Node.Count(n => n.OpType == "Add") - 36, graph.Node.Count(n => n.OpType == "Add"));
        var biases = graph.Initializer.Where(t => t.Dims.Count == 1).Select(t => t.Name).ToHashSet();
        Assert.All(products, p => Assert.Contains(p.Input[4], biases));
        // Nothing reads a name that no node, input or initializer produces any more.
        var produced = graph.Node.SelectMany(n => n.Output).Concat(graph.Input.Select(i => i.Name)).Concat(graph.Initializer.Select(t => t.Name)).ToHashSet();
        Assert.All(graph.Node.SelectMany(n => n.Input).Where(i => i.Length > 0), i => Assert.Contains(i, produced));
        Assert.All(graph.Output, o => Assert.Contains(o.Name, produced));
    }
}
