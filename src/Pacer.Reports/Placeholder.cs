namespace Pacer; internal static class Placeholder { }
