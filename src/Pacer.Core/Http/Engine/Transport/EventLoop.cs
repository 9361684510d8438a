using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Pacer.Core.Http.Engine.Transport;

/// <summary>
/// A dedicated thread around one epoll set, as in wrk: sockets are registered once,
/// edge-triggered, and readiness is handed straight to the waiting connection on this thread.
/// .NET's own socket engine does the same work with a queue, a lock and (by default) a
/// thread-pool hop per completion; on one client CPU those are the largest costs per request
/// (bench/NOTES.md). Deadlines and cancellation are checked by a sweep every few milliseconds
/// instead of a timer per request. Other threads can post work to run on the loop
/// (<see cref="Post"/>): the open model starts its iterations there, so that each iteration's
/// async state is taken from and given back to the same thread's pools and costs no allocation.
/// </summary>
internal sealed class EventLoop
{
    private const int SweepMilliseconds = 5;
    private const int MaxEvents = 256;
    private const ulong WakeSlot = ulong.MaxValue;

    private static readonly Lazy<EventLoop[]> Loops = new(() =>
        [.. Enumerable.Range(0, Math.Max(1, Environment.ProcessorCount)).Select(i => new EventLoop(i))]);

    private static int _nextLoop = -1;

    [ThreadStatic]
    private static EventLoop? t_current;

    [ThreadStatic]
    private static EventLoop? t_runningPosted;

    private readonly int _epollFd;
    private readonly Lock _registrationsLock = new();
    private Registration?[] _registrations = new Registration?[64];
    private readonly Stack<int> _freeSlots = new();
    private int _slotCount;
    private readonly int _wakeFd;
    private readonly PostedWork _posted = new();
    private IThreadPoolWorkItem?[] _batch = new IThreadPoolWorkItem?[64];

    // 1 while the loop is (about to be) asleep in epoll_wait: a poster that turns it to 0 must wake it.
    private int _sleeping;

    private EventLoop(int index)
    {
        _epollFd = EpollNative.Create(EpollNative.CloseOnExec);
        if (_epollFd < 0)
        {
            throw new SocketException(Marshal.GetLastPInvokeError());
        }

        _wakeFd = EpollNative.CreateEventFd(0, EpollNative.CloseOnExec | EpollNative.NonBlocking);
        var wake = new EpollNative.EpollEvent { Events = EpollNative.In, Data = WakeSlot };
        if (_wakeFd < 0 || EpollNative.Control(_epollFd, EpollNative.CtlAdd, _wakeFd, ref wake) != 0)
        {
            throw new SocketException(Marshal.GetLastPInvokeError());
        }

        var thread = new Thread(Run) { IsBackground = true, Name = $"pacer-event-loop-{index}" };
        thread.Start();
    }

    /// <summary>Spreads connections over one loop per CPU the process may use.</summary>
    public static EventLoop Next()
    {
        var loops = Loops.Value;
        return loops[(int)((uint)Interlocked.Increment(ref _nextLoop) % (uint)loops.Length)];
    }

    /// <summary>The loop whose thread this is, or null on any other thread.</summary>
    public static EventLoop? Current => t_current;

    /// <summary>
    /// The loop while this thread runs work posted to it (<see cref="Post"/>), else null. A
    /// connection opened then stays on that loop, so the posted iteration sends and receives on
    /// one thread. Only then: a connection opened in any other continuation on a loop thread
    /// still goes round-robin, or a closed-model run whose VUs happened to start on one loop
    /// thread would put every connection on that loop.
    /// </summary>
    public static EventLoop? RunningPostedWork => t_runningPosted;

    /// <summary>The same loop for the same <paramref name="affinity"/> (e.g. a VU's number) every time.</summary>
    public static EventLoop For(int affinity)
    {
        var loops = Loops.Value;
        return loops[(int)((uint)affinity % (uint)loops.Length)];
    }

    /// <summary>Runs <paramref name="work"/> on this loop's thread, after the events it is handling now.</summary>
    public void Post(IThreadPoolWorkItem work)
    {
        _posted.Add(work);
        if (Interlocked.CompareExchange(ref _sleeping, 0, 1) == 1)
        {
            EpollNative.Signal(_wakeFd);
        }
    }

    public Registration Register(Socket socket)
    {
        var fd = (int)socket.Handle;
        Registration registration;
        lock (_registrationsLock)
        {
            var slot = _freeSlots.Count > 0 ? _freeSlots.Pop() : _slotCount++;
            if (slot >= _registrations.Length)
            {
                Array.Resize(ref _registrations, _registrations.Length * 2);
            }

            registration = new Registration(this, slot, fd);
            Volatile.Write(ref _registrations[slot], registration);
        }

        var value = new EpollNative.EpollEvent
        {
            Events = EpollNative.In | EpollNative.Out | EpollNative.ReadHangUp | EpollNative.EdgeTriggered,
            Data = (ulong)registration.Slot,
        };
        if (EpollNative.Control(_epollFd, EpollNative.CtlAdd, fd, ref value) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            Release(registration);
            throw new SocketException(error);
        }

        return registration;
    }

    /// <summary>Stops delivering events to <paramref name="registration"/>; call before closing its socket.</summary>
    public void Unregister(Registration registration)
    {
        var ignored = default(EpollNative.EpollEvent);
        _ = EpollNative.Control(_epollFd, EpollNative.CtlDelete, registration.Fd, ref ignored);
        Release(registration);
    }

    private void Release(Registration registration)
    {
        lock (_registrationsLock)
        {
            if (ReferenceEquals(_registrations[registration.Slot], registration))
            {
                Volatile.Write(ref _registrations[registration.Slot], null);
                _freeSlots.Push(registration.Slot);
            }
        }
    }

    private unsafe void Run()
    {
        t_current = this;
        var events = stackalloc EpollNative.EpollEvent[MaxEvents];
        var nextSweep = Stopwatch.GetTimestamp();
        var sweepTicks = Stopwatch.Frequency * SweepMilliseconds / 1000;
        while (true)
        {
            // Announce the sleep before the last look at the posted work: a post after that look
            // finds _sleeping == 1 and writes the eventfd, so no work waits out a whole timeout.
            Interlocked.Exchange(ref _sleeping, 1);
            var timeout = _posted.IsEmpty ? SweepMilliseconds : 0;
            var count = EpollNative.Wait(_epollFd, events, MaxEvents, timeout);
            Volatile.Write(ref _sleeping, 0);
            var registrations = Volatile.Read(ref _registrations);
            for (var i = 0; i < count; i++)
            {
                if (events[i].Data == WakeSlot)
                {
                    EpollNative.Drain(_wakeFd);
                    continue;
                }

                var slot = (int)events[i].Data;
                if ((uint)slot < (uint)registrations.Length && Volatile.Read(ref registrations[slot]) is { } registration)
                {
                    registration.Deliver(events[i].Events);
                }
            }

            RunPosted();

            var now = Stopwatch.GetTimestamp();
            if (now >= nextSweep)
            {
                nextSweep = now + sweepTicks;
                Sweep(now);
            }
        }
    }

    private void RunPosted()
    {
        var taken = _posted.TakeAll(ref _batch);
        t_runningPosted = this;
        for (var i = 0; i < taken; i++)
        {
            var work = _batch[i]!;
            _batch[i] = null;
            work.Execute();
        }

        t_runningPosted = null;
    }

    private void Sweep(long now)
    {
        var registrations = Volatile.Read(ref _registrations);
        for (var slot = 0; slot < registrations.Length; slot++)
        {
            if (Volatile.Read(ref registrations[slot]) is { } registration)
            {
                registration.Read.ExpireIfDue(now);
                registration.Write.ExpireIfDue(now);
                registration.Swept?.Invoke();
            }
        }
    }

    /// <summary>One socket in the epoll set with its two readiness signals.</summary>
    internal sealed class Registration(EventLoop loop, int slot, int fd)
    {
        public EventLoop Loop { get; } = loop;

        public int Slot { get; } = slot;

        public int Fd { get; } = fd;

        public Readiness Read { get; } = new();

        public Readiness Write { get; } = new();

        /// <summary>Run by the loop's sweep (every few milliseconds): an HTTP/2 connection ends its overdue streams here.</summary>
        public Action? Swept { get; set; }

        private volatile bool _hungUp;

        /// <summary>
        /// The peer closed or the socket failed. Sticky, because the edge that reported it may be
        /// the same one that reported the last data: a reader that stopped before EOF must not
        /// wait for an edge that will never come.
        /// </summary>
        public bool HungUp => _hungUp;

        public void Deliver(uint events)
        {
            const uint Broken = EpollNative.Error | EpollNative.HangUp | EpollNative.ReadHangUp;
            if ((events & Broken) != 0)
            {
                _hungUp = true;
            }

            if ((events & (EpollNative.In | Broken)) != 0)
            {
                Read.Signal();
            }

            if ((events & (EpollNative.Out | Broken)) != 0)
            {
                Write.Signal();
            }
        }
    }
}
