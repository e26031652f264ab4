package id.aduan.routing.domain;

import id.aduan.support.problem.Problem;
import id.aduan.support.problem.ProblemException;
import java.util.List;

/** A directory change that would leave the rules without an OPD (422), with every reason. */
public class DirectoryRefusedException extends ProblemException {

    public DirectoryRefusedException(InvalidRuleSetException cause) {
        super(422, "directory-refused", cause.reasons().stream().map(r -> new Problem.FieldError("directory", r))
                .toList(), null, cause);
    }

    public List<String> reasons() {
        return errors().stream().map(Problem.FieldError::message).toList();
    }
}
