using ChatBot.Core.Semantic;

namespace ChatBot.Core.Tests.Semantic;

public sealed class Int8VectorsTests
{
    [Theory]
    [InlineData(384)]
    [InlineData(17)]
    [InlineData(1000)]
    [InlineData(31)]
    public void The_SIMD_dot_product_equals_the_plain_loop(int length)
    {
        var random = new Random(length);
        var a = new sbyte[length];
        var b = new sbyte[length];
        for (var i = 0; i < length; i++)
        {
            a[i] = (sbyte)random.Next(-127, 128);
            b[i] = (sbyte)random.Next(-127, 128);
        }

        Assert.Equal(Int8Vectors.DotScalar(a, b), Int8Vectors.Dot(a, b));
    }

    [Fact]
    public void Quantised_unit_vectors_keep_their_cosine_within_a_hundredth()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 200; trial++)
        {
            var x = UnitVector(random, 384);
            var y = UnitVector(random, 384);
            var exact = x.Zip(y, (p, q) => p * q).Sum();
            var qx = new sbyte[384];
            var qy = new sbyte[384];
            var sx = Int8Vectors.Quantize(x, qx);
            var sy = Int8Vectors.Quantize(y, qy);

            var approximate = Int8Vectors.Dot(qx, qy) * sx * sy;

            Assert.InRange(approximate, exact - 0.01f, exact + 0.01f);
        }
    }

    [Fact]
    public void A_vector_dequantises_to_nearly_itself()
    {
        var x = UnitVector(new Random(3), 384);
        var q = new sbyte[384];
        var back = new float[384];

        Int8Vectors.Dequantize(q, Int8Vectors.Quantize(x, q), back);

        Assert.All(x.Zip(back), pair => Assert.InRange(pair.Second, pair.First - 0.002f, pair.First + 0.002f));
    }

    internal static float[] UnitVector(Random random, int dimensions)
    {
        var v = new float[dimensions];
        for (var i = 0; i < dimensions; i++)
        {
            // Sums of uniforms: roughly Gaussian, like embedding components.
            v[i] = (float)(random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5);
        }

        var norm = MathF.Sqrt(v.Sum(c => c * c));
        return [.. v.Select(c => c / norm)];
    }
}
