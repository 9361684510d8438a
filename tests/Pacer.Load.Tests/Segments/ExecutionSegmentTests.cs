using Pacer.Load.Executors;
using Xunit;

namespace Pacer.Load.Tests.Segments;

public sealed class ExecutionSegmentTests
{
    [Theory]
    [InlineData("1/4", 0, 4)]
    [InlineData("4/4", 3, 4)]
    [InlineData(" 2/3 ", 1, 3)]
    [InlineData("1/1", 0, 1)]
    public void I_of_n_is_the_ith_of_n_equal_parts_counting_from_one(string text, int index, int count)
    {
        var segment = ExecutionSegment.Parse(text);

        Assert.Equal(index, segment.Index);
        Assert.Equal(count, segment.Sequence.Count);
        Assert.True(segment.Sequence.IsEqualParts);
        Assert.Equal(text.Trim(), segment.ToString());
    }

    [Theory]
    [InlineData("0:1/3", "0", "1/3")]
    [InlineData("0.25:0.5", "1/4", "1/2")]
    [InlineData("50%:100%", "1/2", "1")]
    [InlineData("1/3:2/3", "1/3", "2/3")]
    public void Fractions_decimals_and_percentages_read_exactly(string text, string start, string end)
    {
        var segment = ExecutionSegment.Parse(text);

        Assert.Equal(start, segment.Start.ToString());
        Assert.Equal(end, segment.End.ToString());
    }

    [Fact]
    public void A_lone_fraction_segment_lives_in_the_sequence_zero_a_b_one_as_in_k6()
    {
        var segment = ExecutionSegment.Parse("1/4:1/2");

        Assert.Equal("0,1/4,1/2,1", segment.Sequence.ToString());
        Assert.Equal(1, segment.Index);
    }

    [Fact]
    public void A_fraction_segment_takes_its_place_in_a_given_sequence()
    {
        var segment = ExecutionSegment.Parse("1/3:2/3", "0,1/3,2/3,1");

        Assert.Equal(1, segment.Index);
        Assert.True(segment.Sequence.IsEqualParts);
        Assert.Equal(ExecutionSegment.Parse("2/3"), segment);
    }

    [Theory]
    [InlineData("0/4", "I counts from 1")]
    [InlineData("5/4", "I counts from 1 to N")]
    [InlineData("1/0", "N must be between 1")]
    [InlineData("half", "not a segment")]
    [InlineData("1/2:1/4", "end after it starts")]
    [InlineData("0:3/2", "between 0 and 1")]
    [InlineData("0:0.1234567", "at most 6 decimals")]
    [InlineData("0:1/1000003", "common denominator")]
    public void Bad_segments_say_what_is_wrong(string text, string reason)
    {
        var error = Assert.Throws<FormatException>(() => ExecutionSegment.Parse(text));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1/4:1/2", "0,1/2,1", "neighbouring boundaries")]
    [InlineData("0:1/2", "0,1/2,1/4,1", "only goes up")]
    [InlineData("0:1/2", "1/4,1/2,1", "runs from 0 to 1")]
    [InlineData("2/4", "0,1/2,1", "a:b segments only")]
    public void A_segment_must_be_one_part_of_its_sequence(string text, string sequence, string reason)
    {
        var error = Assert.Throws<FormatException>(() => ExecutionSegment.Parse(text, sequence));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Equal_parts_deal_items_round_robin()
    {
        var parts = ExecutionSegmentSequence.Equal(3).Segments();

        Assert.Equal([0, 3, 6, 9], Enumerable.Range(0, 12).Where(n => parts[0].Owns(n)));
        Assert.Equal([1, 4, 7, 10], Enumerable.Range(0, 12).Where(n => parts[1].Owns(n)));
        Assert.Equal([4, 3, 3], parts.Select(p => p.Share(10)));
        Assert.Equal(7, parts[1].NthOwned(2));
    }

    [Fact]
    public void Unequal_parts_are_striped_through_the_period_not_bunched()
    {
        // 1/4 and 3/4: the small part gets one item in every four (the second: the big part is
        // further behind its share after the first), not the first quarter of them.
        var sequence = ExecutionSegmentSequence.Parse("0,1/4,1");
        var small = sequence.Segment(0);

        Assert.Equal([1, 5, 9], Enumerable.Range(0, 12).Where(n => small.Owns(n)));
        Assert.Equal(1, small.Share(2));
        Assert.Equal(1, sequence.Segment(1).Share(2));
    }

    [Fact]
    public void The_whole_test_owns_everything()
    {
        Assert.True(ExecutionSegment.Whole.IsWhole);
        Assert.Equal(1234, ExecutionSegment.Whole.Share(1234L));
        Assert.True(ExecutionSegment.Whole.Owns(99));
        Assert.Equal(99, ExecutionSegment.Whole.NthOwned(99));
    }
}
