using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using Aws.CognitoIdentityProvider;
using Codegen.Consumer.Tests.Library;
using Codegen.Consumer.Tests.Nested;
using Codegen.Runtime.Lenses;
using CsCheck;
using Xunit;

namespace Codegen.Consumer.Tests;

/// <summary>
/// The laws of the generated lenses, optionals and traversals, as CsCheck properties over random values of generated
/// types (the seed's VerifySoftwareToken, the library's Book and Person, the nested Grid), unset members included.
/// </summary>
public class OpticsLawTests
{
    private const int Iterations = 300;

    /// <summary>
    /// Arrays of <paramref name="min"/> to <paramref name="max"/> items, built from <c>Gen.Select</c> rather than CsCheck's
    /// <c>.Array</c> extension property (a C# 14 extension member that the analyzer tests' Roslyn, which compiles these
    /// sources too, cannot bind).
    /// </summary>
    private static Gen<T[]> ArrayOf<T>(Gen<T> item, int min, int max) => Gen.Int[min, max].SelectMany(count => Fill(item, count));

    private static Gen<T[]> Fill<T>(Gen<T> item, int count) =>
        count == 0 ? Gen.Const(Array.Empty<T>()) : Gen.Select(item, Fill(item, count - 1), (head, tail) => tail.Prepend(head).ToArray());

    private static readonly Gen<string> Text = Gen.String[Gen.Char.AlphaNumeric, 0, 6];

    private static readonly Gen<string[]> Texts = ArrayOf(Text, 0, 4);

    private static readonly Gen<Person> GenPerson = Gen.Select(Text, Gen.Long[0, 4_000_000_000L].Nullable(0.3), (name, born) =>
        new Person(name).WithBorn(born is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null));

    private static readonly Gen<Dictionary<string, int>> Ratings = Gen.Dictionary(Text, Gen.Int[0, 5])[0, 3];

    private static readonly Gen<Format> GenFormat = Gen.OneOf(Format.Hardcover, Format.Paperback, Format.EBook);

    private static readonly Gen<Book> GenBook = Gen.Select(
        Text, GenPerson.Null(0.3), Texts.Null(0.3), Ratings.Null(0.3), Gen.Int[0, 2000].Nullable(0.3), GenFormat.Nullable(0.3), Text.Null(0.3),
        (title, author, tags, ratings, pages, format, note) => new Book(title)
            .WithAuthor(author).WithTags(tags).WithRatings(ratings).WithPages(pages).WithFormat(format).WithNote(note))
        .SelectMany(book => Gen.Select(Gen.Bool, Gen.Int[0, 3]).Select((related, count) =>
            related ? book.WithRelated(Enumerable.Range(0, count).Select(i => new Book(book.Title + i).WithPages(i)).ToArray()) : book));

    private static readonly Gen<Grid> GenGrid = Gen.Select(
        ArrayOf(ArrayOf(Gen.Int[-9, 9], 0, 3), 0, 3), Gen.Dictionary(Text, Texts)[0, 3].Null(0.3), ArrayOf(Text.Null(0.3), 0, 4).Null(0.3), Gen.Int.Nullable(0.3),
        (rows, columns, labels, width) => new Grid(rows)
            .WithColumns(columns?.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Value))
            .WithLabels(labels).WithWidth(width));

    private static readonly Gen<VerifySoftwareToken> GenVerify = Gen.Select(Text, Text.Null(0.3), Text.Null(0.3), Text.Null(0.3), (code, access, session, device) =>
        new VerifySoftwareToken(code).WithAccessToken(access).WithSession(session).WithFriendlyDeviceName(device));

    [Fact]
    public void LensLawsHoldForSeedMembers()
    {
        LensLaws(GenVerify, VerifySoftwareToken.Lenses.UserCode, Text);
        LensLaws(GenVerify, VerifySoftwareToken.Lenses.Session, Text.Null(0.3));
        LensLaws(GenVerify, VerifySoftwareToken.Lenses.AccessToken, Text.Null(0.3));
        var response = Gen.Select(Gen.Int[100, 599], Text.Null(0.3), (status, session) => new VerifySoftwareTokenResponse(status).WithSession(session));
        LensLaws(response, VerifySoftwareTokenResponse.Lenses.HttpStatus, Gen.Int[100, 599]);
        LensLaws(response, VerifySoftwareTokenResponse.Lenses.Status, Gen.OneOf(VerifySoftwareTokenResponseType.Success, VerifySoftwareTokenResponseType.Error).Nullable(0.3));
    }

    [Fact]
    public void LensLawsHoldForScalarsCollectionsAndComposedLenses()
    {
        LensLaws(GenBook, Book.Lenses.Title, Text);
        LensLaws(GenBook, Book.Lenses.Pages, Gen.Int[0, 10].Nullable(0.3));
        LensLaws(GenBook, Book.Lenses.Author, GenPerson.Null(0.3));
        LensLaws(GenBook, Book.Lenses.Tags, Texts.Select(tags => (IReadOnlyList<string>)tags).Null(0.3));
        LensLaws(GenBook, Book.Lenses.Ratings, Ratings.Select(map => (IReadOnlyDictionary<string, int>)map).Null(0.3));
        LensLaws(GenGrid, Grid.Lenses.Rows, ArrayOf(ArrayOf(Gen.Int, 0, 3).Select(row => (IReadOnlyList<int>)row), 0, 3).Select(rows => (IReadOnlyList<IReadOnlyList<int>>)rows));
        LensLaws(GenBook.Select(book => new PutBook(book)), PutBook.Lenses.Book.Compose(Book.Lenses.Title), Text);
    }

    [Fact]
    public void OptionalLawsHoldForReferenceAndValueTypedMembers()
    {
        OptionalLaws(GenVerify, VerifySoftwareToken.Optionals.Session, Text);
        OptionalLaws(GenBook, Book.Optionals.Author, GenPerson);
        OptionalLaws(GenBook, Book.Optionals.Pages, Gen.Int[0, 10]);
        OptionalLaws(GenBook, Book.Optionals.Format, GenFormat);
        OptionalLaws(GenBook, Book.Optionals.Tags, Texts.Select(tags => (IReadOnlyList<string>)tags));
        OptionalLaws(GenGrid, Grid.Optionals.Width, Gen.Int);
    }

    [Fact]
    public void OptionalLawsHoldForEveryComposition()
    {
        // optional ∘ lens, optional ∘ optional (value-typed focus), lens ∘ optional, lens ∘ optional ∘ lens.
        OptionalLaws(GenBook, Book.Optionals.Author.Compose(Person.Lenses.Name), Text);
        OptionalLaws(GenBook, Book.Optionals.Author.Compose(Person.Optionals.Born), Gen.Long[0, 4_000_000_000L].Select(DateTimeOffset.FromUnixTimeSeconds));
        var request = GenBook.Select(book => new PutBook(book));
        OptionalLaws(request, PutBook.Lenses.Book.Compose(Book.Optionals.Author), GenPerson);
        OptionalLaws(request, PutBook.Lenses.Book.Compose(Book.Optionals.Author).Compose(Person.Lenses.Name), Text);
        OptionalLaws(GenBook, Book.Lenses.Author.WhenPresent().Compose(Person.Optionals.Born), Gen.Long[0, 4_000_000_000L].Select(DateTimeOffset.FromUnixTimeSeconds));
    }

    [Fact]
    public void TraversalLawsHoldForListsMapsAndCompositions()
    {
        TraversalLaws(GenBook, Book.Traversals.Tags, tag => tag + "!", tag => tag.ToUpperInvariant());
        TraversalLaws(GenBook, Book.Traversals.Ratings, r => r + 1, r => r * 3);
        TraversalLaws(GenBook, Book.Traversals.Related.Compose(Book.Lenses.Title), t => t + "?", t => "x" + t);
        TraversalLaws(GenBook, Book.Traversals.Related.Compose(Book.Optionals.Pages), p => p + 1, p => p * 2);
        TraversalLaws(GenGrid, Grid.Traversals.Rows.Compose(Traversals.Each<int>()), c => c - 1, c => c * 5);
        TraversalLaws(GenGrid, Grid.Traversals.Columns.Compose(Traversals.Each<string>()), c => c + "c", c => c.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        TraversalLaws(GenGrid, Grid.Traversals.Labels, l => l is null ? "none" : l + "!", l => l?.ToLowerInvariant());
        TraversalLaws(GenBook.Select(book => new PutBook(book)), PutBook.Lenses.Book.Compose(Book.Traversals.Tags), t => t + "1", t => t + "2");
        TraversalLaws(GenBook, Book.Optionals.Author.Compose(Person.Lenses.Name).AsTraversal(), n => n + "n", n => n.Trim());
    }

    [Fact]
    public void TheLawChecksRejectTheObsoleteComposeOptional()
    {
        // Through an unset author, Get(Set(s, v)) is null, not v: the property finds it (so the checks above can fail).
#pragma warning disable CS0618 // the obsolete, unlawful composition is what is under test
        var unlawful = Book.Lenses.Author.ComposeOptional(Person.Lenses.Name);
#pragma warning restore CS0618
        Assert.ThrowsAny<Exception>(() => LensLaws(GenBook, unlawful, Text.Null(0.3)));
    }

    [Fact]
    public void MutatingTheCallersCollectionsNeverChangesAValue()
    {
        Gen.Select(Texts, Ratings, ArrayOf(ArrayOf(Gen.Int, 0, 3), 0, 3)).Sample((tags, ratings, rows) =>
        {
            var tagList = tags.ToList();
            var map = new Dictionary<string, int>(ratings);
            var rowLists = rows.Select(row => row.ToList()).ToList();
            var book = new Book("t").WithTags(tagList).WithRatings(map);
            var grid = new Grid(rowLists.Cast<IReadOnlyList<int>>().ToList());
            var (bookCopy, gridCopy) = (new Book("t").WithTags(tags.ToArray()).WithRatings(new Dictionary<string, int>(ratings)), new Grid(rows.Select(r => r.ToArray()).ToArray()));
            var (bookHash, gridHash) = (book.GetHashCode(), grid.GetHashCode());

            tagList.Add("more");
            map["more"] = 1;
            rowLists.ForEach(row => row.Add(42));
            rowLists.Add(new List<int> { 1 });

            Assert.Equal(bookCopy, book);
            Assert.Equal(gridCopy, grid);
            Assert.Equal(bookHash, book.GetHashCode());
            Assert.Equal(gridHash, grid.GetHashCode());
        }, iter: Iterations);
    }

    private static void LensLaws<TSource, TValue>(Gen<TSource> source, Lens<TSource, TValue> lens, Gen<TValue> value)
    {
        Gen.Select(source, value, value).Sample((s, a, b) =>
        {
            Assert.Equal(s, lens.Set(s, lens.Get(s)));                  // get-set
            AssertSame(a, lens.Get(lens.Set(s, a)));                     // set-get
            Assert.Equal(lens.Set(s, b), lens.Set(lens.Set(s, a), b));   // set-set
        }, iter: Iterations);
    }

    private static void OptionalLaws<TSource, TValue>(Gen<TSource> source, Optional<TSource, TValue> optional, Gen<TValue> value)
    {
        Gen.Select(source, value, value).Sample((s, a, b) =>
        {
            if (optional.TryGet(s, out var current))
            {
                Assert.Equal(s, optional.Set(s, current));                      // set what is there: unchanged
                Assert.True(optional.TryGet(optional.Set(s, a), out var seen));   // TryGet after Set sees the value
                AssertSame(a, seen);
            }
            else
            {
                Assert.Equal(s, optional.Set(s, a));                             // absent: Set changes nothing
                Assert.False(optional.TryGet(optional.Set(s, a), out _));
                Assert.Equal(s, optional.Modify(s, _ => a));
            }

            Assert.Equal(optional.Set(s, b), optional.Set(optional.Set(s, a), b)); // set-set
        }, iter: Iterations);
    }

    private static void TraversalLaws<TSource, TValue>(Gen<TSource> source, Traversal<TSource, TValue> traversal, Func<TValue, TValue> f, Func<TValue, TValue> g)
    {
        source.Sample(s =>
        {
            Assert.Equal(s, traversal.Modify(s, x => x));                                     // Modify(id) == id
            Assert.Equal(traversal.Modify(s, x => f(g(x))), traversal.Modify(traversal.Modify(s, g), f)); // Modify f ∘ Modify g == Modify (f∘g)
            AssertSame(traversal.GetAll(s).Select(f).ToList(), traversal.GetAll(traversal.Modify(s, f)));
        }, iter: Iterations);
    }

    /// <summary>Equal values; collections (generated types hold copies) by content.</summary>
    private static void AssertSame<T>(T expected, T actual)
    {
        if (expected is IEnumerable left and not string && actual is IEnumerable right)
        {
            Assert.Equal(Flatten(left), Flatten(right));
            return;
        }

        Assert.Equal(expected, actual);
    }

    private static List<object?> Flatten(IEnumerable items)
    {
        var result = new List<object?>();
        foreach (var item in items)
        {
            result.Add(item is IEnumerable nested and not string ? string.Join(",", Flatten(nested)) : item);
        }

        return result;
    }
}
