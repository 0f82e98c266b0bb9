namespace ChatBot.Benchmarks.Corpus;

/// <summary>The real words at the head of the synthetic vocabulary, most frequent first.</summary>
internal static class MlWords
{
    /// <summary>English function words: the most frequent words of any abstract (mostly stop words to the index).</summary>
    public static readonly IReadOnlyList<string> Function =
    [
        "the", "of", "and", "to", "a", "in", "we", "for", "is", "that", "on", "with", "our", "by", "this", "as",
        "are", "from", "which", "can", "an", "be", "these", "it", "at", "while", "both", "such", "than", "across",
    ];

    /// <summary>Content words of machine-learning abstracts, roughly by how often they occur.</summary>
    public static readonly IReadOnlyList<string> Content =
    [
        "model", "models", "learning", "language", "data", "performance", "training", "method", "approach", "results",
        "large", "tasks", "propose", "generation", "network", "neural", "image", "benchmark", "framework", "show",
        "reasoning", "transformer", "diffusion", "video", "multimodal", "agents", "graph", "reinforcement", "attention", "text",
        "dataset", "evaluation", "inference", "fine-tuning", "representation", "knowledge", "policy", "optimization", "robust", "efficient",
        "scaling", "forecasting", "retrieval", "alignment", "vision", "visual", "generative", "pretraining", "embedding", "features",
        "accuracy", "state-of-the-art", "supervised", "unsupervised", "self-supervised", "contrastive", "latent", "token", "tokens", "context",
        "prompt", "prompting", "instruction", "preference", "reward", "human", "feedback", "safety", "hallucination", "benchmarks",
        "code", "mathematical", "physics", "robotics", "manipulation", "navigation", "planning", "control", "simulation", "world",
        "speech", "audio", "music", "3d", "point", "cloud", "scene", "segmentation", "detection", "tracking",
        "classification", "regression", "clustering", "anomaly", "time", "series", "temporal", "spatial", "sequence", "sequences",
        "encoder", "decoder", "autoregressive", "mixture", "experts", "sparse", "dense", "quantization", "pruning", "distillation",
        "compression", "memory", "latency", "throughput", "hardware", "gpu", "parallel", "distributed", "federated", "privacy",
        "adversarial", "attacks", "defense", "uncertainty", "calibration", "bayesian", "probabilistic", "variational", "sampling", "stochastic",
        "gradient", "descent", "convergence", "theoretical", "analysis", "bounds", "generalization", "overfitting", "regularization", "loss",
        "objective", "architecture", "layers", "layer", "heads", "weights", "parameters", "billion", "scale", "compute",
        "chain-of-thought", "agentic", "tool", "tools", "planning", "search", "tree", "monte", "carlo", "verifier",
        "mathematics", "theorem", "proving", "formal", "program", "synthesis", "software", "repository", "bugs", "testing",
        "medical", "clinical", "biology", "protein", "molecular", "chemistry", "materials", "climate", "weather", "financial",
        "recommendation", "ranking", "query", "queries", "documents", "corpus", "summarization", "translation", "multilingual", "low-resource",
        "dialogue", "conversational", "question", "answering", "factual", "grounding", "captioning", "editing", "synthesis", "rendering",
        "gaussian", "splatting", "nerf", "radiance", "fields", "depth", "estimation", "pose", "motion", "avatar",
        "flow", "matching", "score", "denoising", "noise", "schedule", "consistency", "distribution", "shift", "domain",
        "adaptation", "transfer", "continual", "lifelong", "few-shot", "zero-shot", "in-context", "meta-learning", "curriculum", "active",
        "exploration", "offline", "online", "imitation", "demonstrations", "trajectories", "value", "function", "actor-critic", "q-learning",
        "state", "space", "mamba", "recurrent", "convolutional", "lstm", "linear", "kernel", "nonlinear", "dynamics",
        "interpretability", "mechanistic", "circuits", "probing", "neurons", "features", "steering", "activation", "activations", "editing",
        "evaluation", "leaderboard", "metrics", "human-annotated", "synthetic", "curated", "filtering", "quality", "diversity", "bias",
        "fairness", "ethics", "societal", "open-source", "weights", "release", "reproducible", "ablation", "study", "empirical",
        "vlm", "llm", "llms", "mllm", "gpt", "bert", "clip", "vit", "unet", "dit",
        "robot", "embodied", "humanoid", "locomotion", "grasping", "dexterous", "autonomous", "driving", "trajectory", "occupancy",
        "long-context", "efficient", "speculative", "decoding", "caching", "kv", "serving", "scheduling", "batching", "throughput",
    ];

    /// <summary>Multi-word terms abstracts use verbatim; phrase queries look for them.</summary>
    public static readonly IReadOnlyList<string> Phrases =
    [
        "large language models", "reinforcement learning", "graph neural network", "time series forecasting", "diffusion models",
        "vision language model", "chain of thought", "mixture of experts", "retrieval augmented generation", "state space models",
        "reward model", "preference optimization", "video generation", "text to image", "knowledge distillation",
        "neural radiance fields", "gaussian splatting", "in-context learning", "instruction tuning", "self-supervised learning",
    ];
}
