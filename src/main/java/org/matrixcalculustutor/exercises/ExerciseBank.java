package org.matrixcalculustutor.exercises;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The exercises of exercises/bank.json, in the order the file lists them. */
public final class ExerciseBank {

  static final String RESOURCE = "/exercises/bank.json";

  private record File(List<Exercise> exercises) {}

  private final Map<String, Exercise> byId = new LinkedHashMap<>();

  public ExerciseBank(Collection<Exercise> exercises) {
    exercises.forEach(e -> {
      if (byId.put(e.id(), e) != null) {
        throw new IllegalArgumentException("two exercises have the id " + e.id());
      }
    });
  }

  public static ExerciseBank load() {
    try (InputStream in = ExerciseBank.class.getResourceAsStream(RESOURCE)) {
      return read(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + RESOURCE, e);
    }
  }

  /** A bank in the JSON of exercises/bank.json (hints as objects with a lesson, or as plain strings). */
  static ExerciseBank read(InputStream in) {
    ObjectMapper json = JsonMapper.builder().build();
    return new ExerciseBank(json.readValue(in, File.class).exercises());
  }

  public Optional<Exercise> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public Collection<Exercise> all() {
    return byId.values();
  }

  /** Topics in the bank's order, each with its exercises by level. */
  public Map<String, List<Exercise>> byTopic() {
    Map<String, List<Exercise>> topics = all().stream().collect(Collectors.groupingBy(Exercise::topic,
        LinkedHashMap::new, Collectors.toList()));
    topics.replaceAll((topic, list) -> list.stream()
        .sorted(java.util.Comparator.comparingInt(Exercise::level)).toList());
    return topics;
  }

  /** The exercise after this one in the list's order (its topic by level, then the next topic); none after the last. */
  public Optional<Exercise> after(Exercise current) {
    List<Exercise> order = byTopic().values().stream().flatMap(List::stream).toList();
    int at = order.indexOf(current);
    return at >= 0 && at + 1 < order.size() ? Optional.of(order.get(at + 1)) : Optional.empty();
  }

  /** How many exercises each level has. */
  public Map<Integer, Long> levels() {
    return all().stream().collect(Collectors.groupingBy(Exercise::level, TreeMap::new, Collectors.counting()));
  }
}
