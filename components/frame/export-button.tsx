/** Export downloads the lossless JSON document straight from the API. */
export function ExportButton({ scenarioId }: { scenarioId: string }) {
  return (
    <a className="btn btn-small" href={`/api/v1/scenarios/${scenarioId}/export`} download>
      Export
    </a>
  );
}
