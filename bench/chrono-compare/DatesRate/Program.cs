using System.Diagnostics;
using System.Globalization;
using Sitrep.Dates;

// Sitrep's time-expression recognizer on the TimeBank texts: the scores of `sitrep eval time` and the characters per
// second of recognition alone (XML read first, one thread), the same work chrono-timebank.mjs times for chrono-node.
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: DatesRate TIMEML_DIR [PASSES]");
    return 1;
}
var passes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var recognizer = new TimeExpressionRecognizer();
var score = TimeMlEvaluation.Evaluate(args[0], recognizer);
var texts = TimeMlEvaluation.ReadTexts(args[0]);
long chars = 0;
foreach (var (text, _) in texts) chars += text.Length;
foreach (var (text, dct) in texts) recognizer.Find(text, dct); // warm-up pass, as chrono's
var found = 0;
var cpu = Process.GetCurrentProcess().TotalProcessorTime;
var clock = Stopwatch.StartNew();
for (var p = 0; p < passes; p++)
    foreach (var (text, dct) in texts) found += recognizer.Find(text, dct).Count;
var seconds = clock.Elapsed.TotalSeconds;
var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
Console.WriteLine(FormattableString.Invariant(
    $"sitrep documents={score.Documents} gold={score.Gold} predicted={score.Predicted} strict_f1={score.StrictF1:F3} relaxed_f1={score.RelaxedF1:F3} value_accuracy={score.ValueAccuracy:F3} chars_per_s={chars * passes / seconds:F0} chars_per_cpu_s={chars * passes / cpuSeconds:F0} found={found / passes}"));
return 0;
