namespace RulesEngine.Benchmarks.Support;

/// <summary>
/// Samples the managed heap's size every few milliseconds on its own thread, and also reads the heap size the GC saw
/// before each collection: the larger of the two is the peak. Sampling alone would miss a short spike between samples.
/// </summary>
public sealed class HeapPeakSampler : IDisposable
{
    private readonly Thread thread;
    private volatile bool stopping;
    private long peak;

    public HeapPeakSampler()
    {
        thread = new Thread(Sample) { IsBackground = true, Name = "heap sampler" };
        thread.Start();
    }

    /// <summary>Stops sampling and returns the peak in bytes.</summary>
    public long Stop()
    {
        stopping = true;
        thread.Join();
        return Math.Max(peak, GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes);
    }

    public void Dispose()
    {
        if (!stopping)
        {
            Stop();
        }
    }

    private void Sample()
    {
        var lastGc = -1L;
        while (!stopping)
        {
            peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
            var info = GC.GetGCMemoryInfo(GCKind.Any);
            if (info.Index != lastGc)
            {
                lastGc = info.Index;
                peak = Math.Max(peak, info.GenerationInfo.ToArray().Sum(generation => generation.SizeBeforeBytes));
            }

            Thread.Sleep(2);
        }
    }
}
