using System.Runtime.InteropServices;

namespace GalleryOrleans.Benchmarks;

/// <summary>Turns SIGINT and SIGTERM into cancellation, so an interrupted run still tears down what it started.</summary>
internal sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource cancellation = new();
    private readonly PosixSignalRegistration[] registrations;

    public ShutdownSignal()
    {
        registrations = [Register(PosixSignal.SIGINT), Register(PosixSignal.SIGTERM)];
    }

    public CancellationToken Token => cancellation.Token;

    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }
        cancellation.Dispose();
    }

    private PosixSignalRegistration Register(PosixSignal signal) => PosixSignalRegistration.Create(signal, context =>
    {
        context.Cancel = true;
        cancellation.Cancel();
    });
}
