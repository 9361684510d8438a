using Pacer.Distributed.Protocol;
using Pacer.Load.Executors;

namespace Pacer.Distributed.Coordinator;

/// <summary>
/// The segments of a distributed run and the agents holding them: registration (an agent asks for its
/// Indexed Job index or takes the next free segment), their reports and snapshots, and the events the
/// coordinator sends them. Every change happens under one lock; <see cref="Changed"/> wakes the run.
/// </summary>
public sealed class AgentRoster
{
    private readonly Lock _lock = new();
    private readonly List<AgentSlot> _slots;
    private readonly ExactSeconds _seconds = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _startTimestamp = long.MaxValue;
    private long _snapshotBytes;
    private bool _closed;
    private string? _closedReason;

    public AgentRoster(int agents, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(agents, 1);
        Time = time;
        _slots = [.. ExecutionSegmentSequence.Equal(agents).Segments().Select((segment, i) => new AgentSlot(i, segment))];
    }

    public TimeProvider Time { get; }

    /// <summary>Bytes of snapshots received so far: the coordinator's network cost.</summary>
    public long SnapshotBytes => Interlocked.Read(ref _snapshotBytes);

    public void CountSnapshotBytes(long bytes) => Interlocked.Add(ref _snapshotBytes, bytes);

    public IReadOnlyList<AgentSlot> Slots => _slots;

    internal ExactSeconds Seconds => _seconds;

    /// <summary>Completes at the next change of any slot.</summary>
    public Task Changed
    {
        get
        {
            lock (_lock)
            {
                return _changed.Task;
            }
        }
    }

    /// <summary>The run's clock starts (agents were told to start at <paramref name="timestamp"/>).</summary>
    public void StartsAt(long timestamp)
    {
        lock (_lock)
        {
            _startTimestamp = timestamp;
            foreach (var slot in _slots.Where(s => s.State == AgentState.Ready))
            {
                slot.State = AgentState.Running;
            }
        }
    }

    /// <summary>Time since the common start (zero before it).</summary>
    public TimeSpan RunTime()
    {
        var start = Volatile.Read(ref _startTimestamp);
        var now = Time.GetTimestamp();
        return start == long.MaxValue || now < start ? TimeSpan.Zero : Time.GetElapsedTime(start, now);
    }

    /// <summary>No more registrations: the run started, or will not happen (and why).</summary>
    public void Close(string reason)
    {
        lock (_lock)
        {
            _closed = true;
            _closedReason = reason;
        }
    }

    /// <summary>A registration's assignment, or why it is refused (and the HTTP status for it).</summary>
    public (AgentAssignment? Assignment, int Status, string? Problem) Register(AgentRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        if (registration.Protocol != ProtocolJson.Version)
        {
            return (null, 400, $"this coordinator speaks protocol {ProtocolJson.Version}, the agent {registration.Protocol}: run the same Pacer version on both");
        }

        lock (_lock)
        {
            if (_closed)
            {
                return (null, 409, $"the run takes no more agents ({_closedReason})");
            }

            AgentSlot? slot;
            if (registration.SegmentIndex is { } index)
            {
                if (index < 0 || index >= _slots.Count)
                {
                    return (null, 409, $"segment index {index} is outside this run's {_slots.Count} segments (0 to {_slots.Count - 1})");
                }

                slot = _slots[index];
                if (slot.State != AgentState.Open)
                {
                    return (null, 409, $"segment {slot.Segment} is already taken by {slot.Name}");
                }
            }
            else
            {
                slot = _slots.FirstOrDefault(s => s.State == AgentState.Open);
                if (slot is null)
                {
                    return (null, 409, $"all {_slots.Count} segments are taken");
                }
            }

            slot.Id = Guid.NewGuid().ToString("N")[..12];
            slot.Name = registration.Name;
            slot.State = AgentState.Registered;
            Signal();
            return (new AgentAssignment { AgentId = slot.Id, SegmentIndex = slot.Index, Segment = slot.Segment.ToString() }, 200, null);
        }
    }

    public AgentSlot? Find(string id)
    {
        lock (_lock)
        {
            return _slots.FirstOrDefault(s => s.Id == id);
        }
    }

    public void Connected(AgentSlot slot, bool connected)
    {
        lock (_lock)
        {
            slot.Connected = connected;
            Signal();
        }
    }

    public void Report(AgentSlot slot, string? problem)
    {
        lock (_lock)
        {
            if (slot.State == AgentState.Registered)
            {
                slot.State = problem is null ? AgentState.Ready : AgentState.Failed;
                slot.Problem = problem;
                Signal();
            }
        }
    }

    /// <summary>Takes an agent's snapshot: the newest cumulative result wins (an older, reordered one is ignored).</summary>
    public void Snapshot(AgentSlot slot, AgentSnapshot snapshot)
    {
        lock (_lock)
        {
            if (snapshot.Sequence <= slot.LastSequence || slot.State is AgentState.Lost or AgentState.Finished)
            {
                return;
            }

            slot.LastSequence = snapshot.Sequence;
            slot.Latest = snapshot.Result;
            slot.ActiveVus = snapshot.Final ? 0 : snapshot.ActiveVus;
            slot.LastHeard = RunTime();
            slot.LastSecond = _seconds.Add(snapshot.Seconds, slot.LastSecond);
            if (snapshot.Final)
            {
                slot.State = AgentState.Finished;
            }

            Signal();
        }
    }

    /// <summary>Marks a running agent lost (once): its last snapshot stays in the result.</summary>
    public bool Lose(AgentSlot slot, string reason)
    {
        lock (_lock)
        {
            if (slot.State is not (AgentState.Running or AgentState.Ready or AgentState.Registered))
            {
                return false;
            }

            slot.State = AgentState.Lost;
            slot.Problem = reason;
            slot.LostAt = RunTime();
            slot.ActiveVus = 0;
            Signal();
            return true;
        }
    }

    /// <summary>Sends <paramref name="message"/> to every agent still in the run.</summary>
    public void Broadcast(AgentEvent message)
    {
        lock (_lock)
        {
            foreach (var slot in _slots.Where(s => s.State is AgentState.Registered or AgentState.Ready or AgentState.Running))
            {
                slot.Events.Writer.TryWrite(message);
            }
        }
    }

    public void Send(AgentSlot slot, AgentEvent message)
    {
        ArgumentNullException.ThrowIfNull(slot);
        lock (_lock)
        {
            slot.Events.Writer.TryWrite(message);
        }
    }

    /// <summary>A consistent copy of what every slot holds, for one tick of the run.</summary>
    public List<AgentSlotView> View()
    {
        lock (_lock)
        {
            return [.. _slots.Select(s => new AgentSlotView(s, s.State, s.Connected, s.Latest, s.ActiveVus, s.LastHeard, s.LastSecond))];
        }
    }

    private void Signal() => Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}

/// <summary>One slot as one tick of the run reads it.</summary>
public sealed record AgentSlotView(AgentSlot Slot, AgentState State, bool Connected, Load.Results.LoadResult? Latest, int ActiveVus, TimeSpan? LastHeard, long LastSecond);
