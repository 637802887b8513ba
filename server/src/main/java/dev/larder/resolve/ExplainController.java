package dev.larder.resolve;

import dev.larder.auth.IndexAccess;
import dev.larder.index.Index;
import dev.larder.index.IndexName;
import dev.larder.packaging.ProjectName;
import dev.larder.platform.ProblemException;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /{user}/{index}/+explain/{project}} (SPEC §4.5): which index supplied each file of the project and
 * which rule hid what; how an admin debugs a resolution.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class ExplainController {

    private final IndexAccess access;
    private final MergedProjects merged;

    ExplainController(IndexAccess access, MergedProjects merged) {
        this.access = access;
        this.merged = merged;
    }

    @Get(uri = "/{user}/{index}/+explain/{project}", produces = MediaType.APPLICATION_JSON)
    Map<String, Object> explain(@PathVariable String user, @PathVariable String index, @PathVariable String project,
                                HttpRequest<?> request) {
        Index target = access.readable(request, user, index);
        if (!ProjectName.isValid(project)) {
            throw ProblemException.invalid("'" + project + "' is not a valid project name.");
        }
        ProjectName name = new ProjectName(project);
        MergedProject found = merged.project(target, name).orElseThrow(() -> ProblemException.notFound(
                "Project '" + name + "' is in no index of the resolution order of '" + target.name() + "'."));
        Explanation explanation = found.explanation();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("project", name.value());
        out.put("index", target.name().toString());
        out.put("resolution_order", explanation.resolutionOrder().stream().map(IndexName::toString).toList());
        out.put("files", explanation.files());
        out.put("hidden", explanation.hidden());
        out.put("stale", found.stale());
        return out;
    }
}
