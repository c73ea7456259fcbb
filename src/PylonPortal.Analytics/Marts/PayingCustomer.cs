using System.Linq.Expressions;
using LinqToDB;

namespace PylonPortal.Analytics.Marts;

/// <summary>is_paying_customer (DESIGN section 4): current_arr above 0, false when NULL. The one place the rule is written.</summary>
public static class PayingCustomer
{
    [ExpressionMethod(nameof(IsExpression))]
    public static bool Is(decimal? currentArr) => currentArr > 0;

    private static Expression<Func<decimal?, bool>> IsExpression() => currentArr => currentArr > 0;
}
