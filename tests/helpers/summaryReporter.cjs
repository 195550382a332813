/**
 * Ends every Jest run with the plain line CI reads: `N passed, N failed[, N skipped]`.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites
    const line = `${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`
    process.stdout.write(`\n${line}\n`)
  }
}

module.exports = SummaryReporter
