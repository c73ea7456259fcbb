using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using PylonPortal.Analytics.Database;

namespace PylonPortal.Analytics.Tests.SqlServer;

/// <summary>
/// SQL Server's collation precedence, checked over a recorded statement: each column reference takes its
/// column's collation from the EF SQL Server model (the database default where the model names none),
/// literals and parameters are coercible, a COLLATE clause is explicit, and an expression that combines
/// (COALESCE, CASE, IIF, ISNULL, +, CONCAT, a UNION column) or compares (=, LIKE, IN, BETWEEN) text of two
/// different implicit collations is a conflict: Msg 451, 446 or 468 at run time
/// (https://learn.microsoft.com/sql/t-sql/statements/collation-precedence-transact-sql). A parser alone
/// cannot see these. Names it cannot resolve count as no collation, so it errs towards silence, never noise.
/// </summary>
public sealed class CollationCheck
{
    public const string DatabaseDefault = "DATABASE_DEFAULT";

    private enum Label { None, Coercible, Implicit, Explicit }

    private readonly record struct Coll(Label Label, string? Name = null)
    {
        public static readonly Coll None = new(Label.None);
        public static readonly Coll Coercible = new(Label.Coercible);
    }

    private sealed class Source(Dictionary<string, Coll> columns)
    {
        public Dictionary<string, Coll> Columns { get; } = columns;
    }

    private sealed class Scope(Scope? parent)
    {
        public Scope? Parent { get; } = parent;
        public Dictionary<string, Source> Sources { get; } = new(StringComparer.OrdinalIgnoreCase);
    }

    private readonly Dictionary<string, Source> _tables = new(StringComparer.OrdinalIgnoreCase);
    private Dictionary<string, Source> _ctes = new(StringComparer.OrdinalIgnoreCase);
    private List<string> _conflicts = [];
    private string _sql = "";

    /// <summary>The collation of every column of every table in the context's model (SQL Server provider).</summary>
    public CollationCheck(PortalDbContext sqlServerContext)
    {
        foreach (var entity in sqlServerContext.GetService<IDesignTimeModel>().Model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            if (table is null) continue;
            var columns = new Dictionary<string, Coll>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in entity.GetProperties())
                columns[property.GetColumnName()] = property.ClrType == typeof(string)
                    ? new Coll(Label.Implicit, property.GetCollation() ?? DatabaseDefault)
                    : Coll.None;
            _tables[$"{entity.GetSchema()}.{table}"] = new Source(columns);
        }
    }

    /// <summary>The collation conflicts of one batch, each with the text of the expression.</summary>
    public IReadOnlyList<string> Conflicts(string batch)
    {
        var script = (TSqlScript)new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(batch), out var errors);
        if (errors.Count > 0) throw new InvalidOperationException($"Does not parse: {errors[0].Message}\n{batch}");
        _conflicts = [];
        _sql = batch;
        foreach (var statement in script.Batches.SelectMany(b => b.Statements))
        {
            _ctes = new Dictionary<string, Source>(StringComparer.OrdinalIgnoreCase);
            Statement(statement);
        }
        return _conflicts;
    }

    private void Statement(TSqlStatement statement)
    {
        switch (statement)
        {
            case SelectStatement s:
                Ctes(s.WithCtesAndXmlNamespaces);
                Query(s.QueryExpression, null);
                break;
            case InsertStatement i:
                Ctes(i.WithCtesAndXmlNamespaces);
                if (i.InsertSpecification.InsertSource is SelectInsertSource select) Query(select.Select, null);
                else if (i.InsertSpecification.InsertSource is ValuesInsertSource values)
                    foreach (var row in values.RowValues) foreach (var v in row.ColumnValues) Eval(v, new Scope(null));
                break;
            case UpdateStatement u:
            {
                Ctes(u.WithCtesAndXmlNamespaces);
                var scope = Modified(u.UpdateSpecification.Target, u.UpdateSpecification.FromClause);
                foreach (var set in u.UpdateSpecification.SetClauses.OfType<AssignmentSetClause>())
                    Eval(set.NewValue, scope);
                Where(u.UpdateSpecification.WhereClause, scope);
                break;
            }
            case DeleteStatement d:
            {
                Ctes(d.WithCtesAndXmlNamespaces);
                Where(d.DeleteSpecification.WhereClause, Modified(d.DeleteSpecification.Target, d.DeleteSpecification.FromClause));
                break;
            }
        }
    }

    private Scope Modified(TableReference target, FromClause? from)
    {
        var scope = new Scope(null);
        if (from is not null) foreach (var t in from.TableReferences) Table(t, scope);
        if (target is NamedTableReference named && !scope.Sources.ContainsKey(named.SchemaObject.BaseIdentifier.Value))
            Table(target, scope);
        return scope;
    }

    private void Where(WhereClause? where, Scope scope)
    {
        if (where?.SearchCondition is { } condition) Bool(condition, scope);
    }

    private void Ctes(WithCtesAndXmlNamespaces? with)
    {
        if (with is null) return;
        foreach (var cte in with.CommonTableExpressions)
        {
            var name = cte.ExpressionName.Value;
            // A recursive CTE reads itself: its anchor (the first part of the UNION) types it first.
            if (cte.QueryExpression is BinaryQueryExpression recursive)
                _ctes[name] = Named(Query(recursive.FirstQueryExpression, null), cte.Columns);
            _ctes[name] = Named(Query(cte.QueryExpression, null), cte.Columns);
        }
    }

    private static Source Named(List<(string? Name, Coll Coll)> output, IList<Identifier> names)
    {
        var columns = new Dictionary<string, Coll>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < output.Count; i++)
        {
            var name = i < names.Count ? names[i].Value : output[i].Name;
            if (name is not null) columns[name] = output[i].Coll;
        }
        return new Source(columns);
    }

    private List<(string? Name, Coll Coll)> Query(QueryExpression query, Scope? outer)
    {
        switch (query)
        {
            case QueryParenthesisExpression p:
                return Query(p.QueryExpression, outer);
            case BinaryQueryExpression union:
            {
                var first = Query(union.FirstQueryExpression, outer);
                var second = Query(union.SecondQueryExpression, outer);
                return first.Select((c, i) => (c.Name, i < second.Count ? Combine([c.Coll, second[i].Coll], union) : c.Coll)).ToList();
            }
            case QuerySpecification spec:
            {
                var scope = new Scope(outer);
                if (spec.FromClause is not null) foreach (var t in spec.FromClause.TableReferences) Table(t, scope);
                var output = new List<(string?, Coll)>();
                foreach (var element in spec.SelectElements)
                {
                    if (element is SelectScalarExpression scalar)
                        output.Add((scalar.ColumnName?.Value ?? (scalar.Expression as ColumnReferenceExpression)?.MultiPartIdentifier.Identifiers[^1].Value,
                            Eval(scalar.Expression, scope)));
                    else if (element is SelectStarExpression star)
                        foreach (var (alias, source) in scope.Sources)
                            if (star.Qualifier is null || string.Equals(star.Qualifier.Identifiers[^1].Value, alias, StringComparison.OrdinalIgnoreCase))
                                output.AddRange(source.Columns.Select(c => ((string?)c.Key, c.Value)));
                }
                Where(spec.WhereClause, scope);
                if (spec.HavingClause?.SearchCondition is { } having) Bool(having, scope);
                if (spec.GroupByClause is not null)
                    foreach (var g in spec.GroupByClause.GroupingSpecifications.OfType<ExpressionGroupingSpecification>()) Eval(g.Expression, scope);
                if (spec.OrderByClause is not null)
                    foreach (var o in spec.OrderByClause.OrderByElements) Eval(o.Expression, scope);
                return output;
            }
            default:
                return [];
        }
    }

    private void Table(TableReference table, Scope scope)
    {
        switch (table)
        {
            case NamedTableReference named:
            {
                var o = named.SchemaObject;
                var source = o.SchemaIdentifier is null && _ctes.TryGetValue(o.BaseIdentifier.Value, out var cte) ? cte
                    : _tables.GetValueOrDefault($"{o.SchemaIdentifier?.Value}.{o.BaseIdentifier.Value}");
                if (source is not null) scope.Sources[named.Alias?.Value ?? o.BaseIdentifier.Value] = source;
                break;
            }
            case QueryDerivedTable derived:
                scope.Sources[derived.Alias.Value] = Named(Query(derived.QueryExpression, scope.Parent), derived.Columns);
                break;
            case QualifiedJoin join:
                Table(join.FirstTableReference, scope);
                Table(join.SecondTableReference, scope);
                Bool(join.SearchCondition, scope);
                break;
            case UnqualifiedJoin apply:
                Table(apply.FirstTableReference, scope);
                // CROSS/OUTER APPLY sees the tables before it.
                if (apply.SecondTableReference is QueryDerivedTable lateral)
                    scope.Sources[lateral.Alias.Value] = Named(Query(lateral.QueryExpression, scope), lateral.Columns);
                else Table(apply.SecondTableReference, scope);
                break;
            case JoinParenthesisTableReference parenthesis:
                Table(parenthesis.Join, scope);
                break;
        }
    }

    private static readonly HashSet<string> Combining = new(StringComparer.OrdinalIgnoreCase) { "ISNULL", "CONCAT", "CONCAT_WS", "REPLACE" };

    private static readonly HashSet<string> FirstArgument = new(StringComparer.OrdinalIgnoreCase)
    {
        "SUBSTRING", "LTRIM", "RTRIM", "TRIM", "UPPER", "LOWER", "REVERSE", "REPLICATE", "STUFF", "MIN", "MAX",
        "JSON_VALUE", "JSON_QUERY", "STRING_AGG", "FIRST_VALUE", "LAST_VALUE", "LAG", "LEAD",
    };

    private Coll Eval(ScalarExpression? expression, Scope scope)
    {
        if (expression is null) return Coll.None;
        var result = expression switch
        {
            ColumnReferenceExpression column => Column(column, scope),
            StringLiteral => Coll.Coercible,
            Literal => Coll.None,
            VariableReference or GlobalVariableExpression => Coll.Coercible,
            ParenthesisExpression p => Eval(p.Expression, scope),
            CastCall cast => Converted(Eval(cast.Parameter, scope), cast.DataType),
            TryCastCall cast => Converted(Eval(cast.Parameter, scope), cast.DataType),
            ConvertCall convert => Converted(Eval(convert.Parameter, scope), convert.DataType),
            CoalesceExpression coalesce => Combine(coalesce.Expressions.Select(e => Eval(e, scope)).ToList(), coalesce),
            NullIfExpression nullIf => Combine([Eval(nullIf.FirstExpression, scope), Eval(nullIf.SecondExpression, scope)], nullIf),
            IIfCall iif => Branches(iif, [iif.ThenExpression, iif.ElseExpression], () => Bool(iif.Predicate, scope), scope),
            SearchedCaseExpression c => Branches(c, [.. c.WhenClauses.Select(w => w.ThenExpression), c.ElseExpression],
                () => { foreach (var w in c.WhenClauses) Bool(w.WhenExpression, scope); }, scope),
            SimpleCaseExpression c => Branches(c, [.. c.WhenClauses.Select(w => w.ThenExpression), c.ElseExpression],
                () => { var input = Eval(c.InputExpression, scope); foreach (var w in c.WhenClauses) Combine([input, Eval(w.WhenExpression, scope)], c); }, scope),
            BinaryExpression binary => Combine([Eval(binary.FirstExpression, scope), Eval(binary.SecondExpression, scope)], binary),
            UnaryExpression unary => Eval(unary.Expression, scope),
            ScalarSubquery subquery => Query(subquery.QueryExpression, scope) is [var first, ..] ? first.Coll : Coll.None,
            LeftFunctionCall left => Function("SUBSTRING", left.Parameters, scope, left),
            RightFunctionCall right => Function("SUBSTRING", right.Parameters, scope, right),
            FunctionCall call => Call(call, scope),
            _ => Coll.None,
        };
        return expression is PrimaryExpression { Collation: { } collation } ? new Coll(Label.Explicit, collation.Value) : result;
    }

    private Coll Call(FunctionCall call, Scope scope)
    {
        if (call.OverClause is { } over)
        {
            foreach (var p in over.Partitions) Eval(p, scope);
            if (over.OrderByClause is not null) foreach (var o in over.OrderByClause.OrderByElements) Eval(o.Expression, scope);
        }
        return Function(call.FunctionName.Value, call.Parameters, scope, call);
    }

    private Coll Function(string name, IList<ScalarExpression> parameters, Scope scope, TSqlFragment where)
    {
        var arguments = parameters.Select(p => Eval(p, scope)).ToList();
        if (Combining.Contains(name)) return Combine(arguments, where);
        return FirstArgument.Contains(name) && arguments.Count > 0 ? arguments[0] : Coll.None;
    }

    private Coll Branches(TSqlFragment where, IEnumerable<ScalarExpression?> branches, Action conditions, Scope scope)
    {
        conditions();
        return Combine(branches.Select(b => Eval(b, scope)).ToList(), where);
    }

    // CAST to a character type keeps a text input's collation; other input becomes coercible text.
    private static Coll Converted(Coll input, DataTypeReference type) =>
        type is SqlDataTypeReference { SqlDataTypeOption: SqlDataTypeOption.NVarChar or SqlDataTypeOption.VarChar or SqlDataTypeOption.NChar or SqlDataTypeOption.Char or SqlDataTypeOption.NText or SqlDataTypeOption.Text }
            ? input.Label == Label.None ? Coll.Coercible : input
            : Coll.None;

    private static Coll Column(ColumnReferenceExpression column, Scope scope)
    {
        if (column.MultiPartIdentifier is not { } id) return Coll.None;
        var name = id.Identifiers[^1].Value;
        for (var s = scope; s is not null; s = s.Parent)
        {
            if (id.Identifiers.Count >= 2)
            {
                if (s.Sources.TryGetValue(id.Identifiers[^2].Value, out var source))
                    return source.Columns.GetValueOrDefault(name, Coll.None);
            }
            else
            {
                var found = s.Sources.Values.Where(x => x.Columns.ContainsKey(name)).ToList();
                if (found.Count == 1) return found[0].Columns[name];
            }
        }
        return Coll.None;
    }

    private void Bool(BooleanExpression? condition, Scope scope)
    {
        switch (condition)
        {
            case BooleanComparisonExpression c:
                Combine([Eval(c.FirstExpression, scope), Eval(c.SecondExpression, scope)], c);
                break;
            case BooleanBinaryExpression b:
                Bool(b.FirstExpression, scope);
                Bool(b.SecondExpression, scope);
                break;
            case BooleanNotExpression n:
                Bool(n.Expression, scope);
                break;
            case BooleanParenthesisExpression p:
                Bool(p.Expression, scope);
                break;
            case BooleanIsNullExpression isNull:
                Eval(isNull.Expression, scope);
                break;
            case LikePredicate like:
                Combine([Eval(like.FirstExpression, scope), Eval(like.SecondExpression, scope)], like);
                break;
            case BooleanTernaryExpression between:
                var value = Eval(between.FirstExpression, scope);
                Combine([value, Eval(between.SecondExpression, scope), Eval(between.ThirdExpression, scope)], between);
                break;
            case InPredicate inList:
                var tested = Eval(inList.Expression, scope);
                if (inList.Subquery is not null)
                    Combine([tested, .. Query(inList.Subquery.QueryExpression, scope).Take(1).Select(c => c.Coll)], inList);
                else Combine([tested, .. inList.Values.Select(v => Eval(v, scope))], inList);
                break;
            case ExistsPredicate exists:
                Query(exists.Subquery.QueryExpression, scope);
                break;
        }
    }

    /// <summary>The collation of an expression of several text inputs, recording a conflict.</summary>
    private Coll Combine(IReadOnlyList<Coll> inputs, TSqlFragment where)
    {
        var explicitNames = inputs.Where(c => c.Label == Label.Explicit).Select(c => c.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (explicitNames.Count > 1) return Conflict(where, explicitNames);
        if (explicitNames.Count == 1) return new Coll(Label.Explicit, explicitNames[0]);
        var implicitNames = inputs.Where(c => c.Label == Label.Implicit).Select(c => c.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (implicitNames.Count > 1) return Conflict(where, implicitNames);
        if (implicitNames.Count == 1) return new Coll(Label.Implicit, implicitNames[0]);
        return inputs.Any(c => c.Label == Label.Coercible) ? Coll.Coercible : Coll.None;
    }

    private Coll Conflict(TSqlFragment where, IEnumerable<string?> names)
    {
        _conflicts.Add($"{string.Join(" vs ", names)} in: {_sql.Substring(where.StartOffset, Math.Min(where.FragmentLength, 300))}");
        return Coll.None;
    }
}
